using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace TestSupport;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer library) that keeps every message it receives, and refuses the next
/// <see cref="RefuseNext"/> messages with a temporary failure (451), as a busy relay would.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public FakeSmtpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>How many of the next messages to refuse (451, "try again later") before accepting again.</summary>
    public int RefuseNext;

    /// <summary>How many messages were refused so far.</summary>
    public int Refused;

    /// <summary>Settings that point the app's mail at this server.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:StartTls"] = "false", ["Email:Smtp:From"] = "Upwork AI Assistant <no-reply@example.com>",
    };

    /// <summary>Waits for the next message addressed to <paramref name="to"/>.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string to, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_messages.FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address.Equals(to, StringComparison.OrdinalIgnoreCase))) is { } found) return found;
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"No mail to {to} arrived within {timeout}.");
    }

    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store(FakeSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref server.RefuseNext) >= 0)
            {
                Interlocked.Increment(ref server.Refused);
                return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 Try again later");
            }
            Interlocked.Exchange(ref server.RefuseNext, 0);
            await using var stream = new MemoryStream(buffer.ToArray());
            server._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            server._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
