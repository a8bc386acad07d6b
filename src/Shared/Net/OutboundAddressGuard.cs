using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Shared.Net;

/// <summary>
/// Keeps outbound calls to user-supplied URLs (alert webhooks, AI base URLs) away from this machine and its network
/// (SSRF). The address is checked when the socket connects, so a name that resolves to a public address when saved and
/// to a private one later (DNS rebinding) is refused too. Pair it with <c>AllowAutoRedirect = false</c>.
/// </summary>
public static class OutboundAddressGuard
{
    /// <summary>Loopback, private (RFC 1918), carrier-grade NAT, link-local (cloud metadata), unspecified, IPv6 ULA/site/link-local.</summary>
    public static bool IsPrivate(IPAddress a)
    {
        if (IPAddress.IsLoopback(a) || a.IsIPv6LinkLocal || a.IsIPv6SiteLocal || a.IsIPv6UniqueLocal || a.Equals(IPAddress.IPv6Any)) return true;
        if (a.IsIPv4MappedToIPv6) a = a.MapToIPv4();
        var b = a.GetAddressBytes();
        return a.AddressFamily == AddressFamily.InterNetwork &&
               (b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) ||
                (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }

    /// <summary>True when <paramref name="host"/> is an address literal or a name that resolves only to public addresses.</summary>
    public static async Task<bool> IsPublicAsync(string host, CancellationToken ct)
    {
        try
        {
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            return addresses.Length > 0 && addresses.All(a => !IsPrivate(a));
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects only to allowed addresses.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, string refusal, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => allowPrivate || !IsPrivate(a)).ToArray();
        if (allowed.Length == 0) throw new HttpRequestException($"{host} resolves to a private or loopback address; {refusal}");
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
