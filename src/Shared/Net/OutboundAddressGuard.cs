using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Shared.Net;

/// <summary>
/// Keeps outbound calls to user-supplied URLs (alert webhooks, AI base URLs) away from this machine and its network
/// (SSRF). Only global unicast addresses pass: every special-purpose range of the IANA IPv4 and IPv6 registries is
/// refused (<see cref="Ranges"/>), and an IPv6 address that carries an IPv4 one (IPv4-mapped, NAT64) is judged by the
/// IPv4 address it reaches. The address is checked when the socket connects, so a name that resolves to a public
/// address when saved and to a private one later (DNS rebinding) is refused too. Pair it with
/// <c>AllowAutoRedirect = false</c> and <c>UseProxy = false</c> (<see cref="GuardedHandler"/> does both): a system proxy
/// (<c>HTTP_PROXY</c>) would make the connection to itself, not to the checked address.
/// </summary>
public static class OutboundAddressGuard
{
    /// <summary>A special-purpose range and why it is not a public destination.</summary>
    public sealed record Range(IPNetwork Network, string Why);

    /// <summary>The refused ranges, one row per registry entry (IPv4 first, then IPv6).</summary>
    public static readonly IReadOnlyList<Range> Ranges =
    [
        new(IPNetwork.Parse("0.0.0.0/8"), "this network"),
        new(IPNetwork.Parse("10.0.0.0/8"), "private (RFC 1918)"),
        new(IPNetwork.Parse("100.64.0.0/10"), "shared address space, carrier-grade NAT"),
        new(IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        new(IPNetwork.Parse("169.254.0.0/16"), "link-local (cloud metadata)"),
        new(IPNetwork.Parse("172.16.0.0/12"), "private (RFC 1918)"),
        new(IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments"),
        new(IPNetwork.Parse("192.0.2.0/24"), "documentation (TEST-NET-1)"),
        new(IPNetwork.Parse("192.88.99.0/24"), "6to4 relay anycast"),
        new(IPNetwork.Parse("192.168.0.0/16"), "private (RFC 1918)"),
        new(IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        new(IPNetwork.Parse("198.51.100.0/24"), "documentation (TEST-NET-2)"),
        new(IPNetwork.Parse("203.0.113.0/24"), "documentation (TEST-NET-3)"),
        new(IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        new(IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        new(IPNetwork.Parse("255.255.255.255/32"), "limited broadcast"),
        new(IPNetwork.Parse("::/128"), "unspecified"),
        new(IPNetwork.Parse("::1/128"), "loopback"),
        new(IPNetwork.Parse("::ffff:0:0/96"), "IPv4-mapped (judged by the IPv4 address)"),
        new(IPNetwork.Parse("64:ff9b::/96"), "NAT64 well-known prefix (judged by the IPv4 address)"),
        new(IPNetwork.Parse("64:ff9b:1::/48"), "NAT64 local use"),
        new(IPNetwork.Parse("100::/64"), "discard only"),
        new(IPNetwork.Parse("2001::/23"), "IETF protocol assignments (Teredo, ORCHID, …)"),
        new(IPNetwork.Parse("2001:db8::/32"), "documentation"),
        new(IPNetwork.Parse("2002::/16"), "6to4 (carries an IPv4 address)"),
        new(IPNetwork.Parse("3fff::/20"), "documentation"),
        new(IPNetwork.Parse("fc00::/7"), "unique local"),
        new(IPNetwork.Parse("fe80::/10"), "link-local"),
        new(IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    /// <summary>IPv6 global unicast space: anything outside it (reserved, the IPv4-compatible ::/96, …) is refused too.</summary>
    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");

    private static readonly IPNetwork Mapped = IPNetwork.Parse("::ffff:0:0/96");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>True only for a global unicast address; an IPv4-mapped or NAT64 address is judged by the IPv4 address it carries.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && (Mapped.Contains(address) || Nat64.Contains(address)))
            address = new IPAddress(address.GetAddressBytes().AsSpan(12, 4));
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.ScopeId != 0) address = new IPAddress(address.GetAddressBytes());
            if (!GlobalUnicastV6.Contains(address)) return false;
        }
        foreach (var range in Ranges)
            if (range.Network.Contains(address)) return false;
        return true;
    }

    /// <summary>True when <paramref name="host"/> is an address literal or a name that resolves only to public addresses.</summary>
    public static async Task<bool> IsPublicAsync(string host, CancellationToken ct)
    {
        try
        {
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            return addresses.Length > 0 && addresses.All(IsPublic);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// The primary handler for a client that calls user-supplied URLs: no redirects, never a system proxy, and (unless
    /// <paramref name="allowPrivate"/> says otherwise when connecting) only public addresses.
    /// </summary>
    public static SocketsHttpHandler GuardedHandler(Func<bool> allowPrivate, string refusal) => new()
    {
        AllowAutoRedirect = false,
        // HTTP_PROXY / HTTPS_PROXY would otherwise route the request through a proxy that connects wherever it is told,
        // so the address checked below would be the proxy's.
        UseProxy = false,
        Proxy = null,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, ct) => ConnectAsync(context, allowPrivate(), refusal, ct),
    };

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects only to allowed addresses.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, string refusal, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
        if (allowed.Length == 0) throw new HttpRequestException($"{host} resolves to a private or loopback address, or another address that is not public; {refusal}");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
