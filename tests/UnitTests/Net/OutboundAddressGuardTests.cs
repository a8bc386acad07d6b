using System.Net;
using Shared.Net;

namespace UnitTests.Net;

/// <summary>
/// Issue 17 (low): the SSRF guard lets only global unicast addresses through. One row per special-purpose range: its
/// first address, one inside it and its last address are refused; the public neighbours of the ranges the old check
/// missed pass.
/// </summary>
public sealed class OutboundAddressGuardTests
{
    [Theory]
    [InlineData("0.0.0.0/8", "0.0.0.0", "0.1.2.3", "0.255.255.255")]
    [InlineData("10.0.0.0/8", "10.0.0.0", "10.20.30.40", "10.255.255.255")]
    [InlineData("100.64.0.0/10", "100.64.0.0", "100.100.100.200", "100.127.255.255")]
    [InlineData("127.0.0.0/8", "127.0.0.0", "127.0.0.1", "127.255.255.255")]
    [InlineData("169.254.0.0/16", "169.254.0.0", "169.254.169.254", "169.254.255.255")]
    [InlineData("172.16.0.0/12", "172.16.0.0", "172.20.1.1", "172.31.255.255")]
    [InlineData("192.0.0.0/24", "192.0.0.0", "192.0.0.170", "192.0.0.255")]
    [InlineData("192.0.2.0/24", "192.0.2.0", "192.0.2.1", "192.0.2.255")]
    [InlineData("192.88.99.0/24", "192.88.99.0", "192.88.99.1", "192.88.99.255")]
    [InlineData("192.168.0.0/16", "192.168.0.0", "192.168.1.1", "192.168.255.255")]
    [InlineData("198.18.0.0/15", "198.18.0.0", "198.18.0.1", "198.19.255.255")]
    [InlineData("198.51.100.0/24", "198.51.100.0", "198.51.100.7", "198.51.100.255")]
    [InlineData("203.0.113.0/24", "203.0.113.0", "203.0.113.9", "203.0.113.255")]
    [InlineData("224.0.0.0/4", "224.0.0.0", "239.1.2.3", "239.255.255.255")]
    [InlineData("240.0.0.0/4", "240.0.0.0", "240.0.0.1", "255.255.255.254")]
    [InlineData("255.255.255.255/32", "255.255.255.255", "255.255.255.255", "255.255.255.255")]
    [InlineData("::/128", "::", "::", "::")]
    [InlineData("::1/128", "::1", "::1", "::1")]
    [InlineData("::ffff:0:0/96 (private IPv4 inside)", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:198.18.0.1")]
    [InlineData("64:ff9b::/96 (private IPv4 inside)", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::f000:1")]
    [InlineData("64:ff9b:1::/48", "64:ff9b:1::", "64:ff9b:1:1234::8.8.8.8", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("100::/64", "100::", "100::1", "100::ffff:ffff:ffff:ffff")]
    [InlineData("2001::/23", "2001::", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8::/32", "2001:db8::", "2001:db8::1", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2002::/16 (6to4)", "2002::", "2002:7f00:1::1", "2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("fc00::/7", "fc00::", "fd12:3456::1", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("fe80::/10", "fe80::", "fe80::1", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("ff00::/8", "ff00::", "ff02::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("IPv4-compatible ::/96 and other reserved IPv6", "::127.0.0.1", "::8.8.8.8", "4000::1")]
    public void Every_special_purpose_range_is_refused(string range, string first, string inside, string last)
    {
        foreach (var address in new[] { first, inside, last })
            OutboundAddressGuard.IsPublic(IPAddress.Parse(address)).ShouldBeFalse($"{address} is in {range}");
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("198.17.255.255")]     // just below benchmarking
    [InlineData("198.20.0.0")]         // just above it
    [InlineData("223.255.255.255")]    // just below multicast
    [InlineData("100.63.255.255")]     // just below carrier-grade NAT
    [InlineData("100.128.0.0")]        // just above it
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]         // IPv4-mapped: judged by the IPv4 address
    [InlineData("64:ff9b::808:808")]       // NAT64 to 8.8.8.8
    public void Global_unicast_addresses_pass(string address) =>
        OutboundAddressGuard.IsPublic(IPAddress.Parse(address)).ShouldBeTrue();

    [Fact]
    public void Each_row_of_the_table_refuses_its_own_network_address() =>
        OutboundAddressGuard.Ranges.ShouldAllBe(r => !OutboundAddressGuard.IsPublic(r.Network.BaseAddress));
}
