using System.Collections;

namespace FakeAi;

/// <summary>What the fake was asked, in arrival order, and how its streams ended. Thread-safe; enumerating takes a snapshot.</summary>
public sealed class FakeAiLog : IReadOnlyList<FakeAiRequest>
{
    private readonly Lock _sync = new();
    private readonly List<FakeAiRequest> _requests = [];
    private int _streamsStarted;
    private int _streamsCompleted;
    private int _streamsAbortedByClient;
    private int _streamsDroppedByServer;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Streamed answers whose headers were sent.</summary>
    public int StreamsStarted => Volatile.Read(ref _streamsStarted);

    /// <summary>Streamed answers sent to the end (<c>[DONE]</c> or <c>message_stop</c>).</summary>
    public int StreamsCompleted => Volatile.Read(ref _streamsCompleted);

    /// <summary>Streamed answers the client walked away from before the end (the request was aborted or a write failed).</summary>
    public int StreamsAbortedByClient => Volatile.Read(ref _streamsAbortedByClient);

    /// <summary>Streamed answers the fake cut itself (<see cref="FakeAiFault.DropMidStream"/>).</summary>
    public int StreamsDroppedByServer => Volatile.Read(ref _streamsDroppedByServer);

    /// <summary>A snapshot of every request.</summary>
    public IReadOnlyList<FakeAiRequest> Requests
    {
        get
        {
            lock (_sync)
            {
                return [.. _requests];
            }
        }
    }

    /// <inheritdoc/>
    int IReadOnlyCollection<FakeAiRequest>.Count => Count();

    /// <inheritdoc/>
    public FakeAiRequest this[int index]
    {
        get
        {
            lock (_sync)
            {
                return _requests[index];
            }
        }
    }

    /// <summary>How many requests arrived for <paramref name="provider"/> (every one when null), models lists included.</summary>
    /// <param name="provider">A <see cref="FakeAiProviders"/> name, or null.</param>
    /// <returns>The count.</returns>
    public int Count(string? provider = null)
    {
        lock (_sync)
        {
            return provider is null ? _requests.Count : _requests.Count(r => r.Provider == provider);
        }
    }

    /// <summary>The last request for <paramref name="provider"/> (any when null), or null.</summary>
    /// <param name="provider">A <see cref="FakeAiProviders"/> name, or null.</param>
    /// <returns>The request.</returns>
    public FakeAiRequest? Last(string? provider = null)
    {
        lock (_sync)
        {
            return _requests.LastOrDefault(r => provider is null || r.Provider == provider);
        }
    }

    /// <summary>Forgets every request and counter.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _requests.Clear();
            _streamsStarted = _streamsCompleted = _streamsAbortedByClient = _streamsDroppedByServer = 0;
        }

        Changed();
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds (the fake notices a client going away a moment after the client does).
    /// It looks again each time the log changes (a request arrives, a stream starts or ends), never on a timer.
    /// </summary>
    /// <param name="condition">What to wait for.</param>
    /// <param name="timeout">How long at most; 10 s when null.</param>
    /// <returns>Whether it held in time.</returns>
    public async Task<bool> WaitForAsync(Func<FakeAiLog, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;   // taken before looking, so a change in between is not missed
            if (condition(this))
            {
                return true;
            }

            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                return condition(this);
            }
        }
    }

    /// <inheritdoc/>
    public IEnumerator<FakeAiRequest> GetEnumerator() => Requests.GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(FakeAiRequest request)
    {
        lock (_sync)
        {
            _requests.Add(request);
        }

        Changed();
    }

    internal void StreamStarted()
    {
        Interlocked.Increment(ref _streamsStarted);
        Changed();
    }

    internal void StreamCompleted()
    {
        Interlocked.Increment(ref _streamsCompleted);
        Changed();
    }

    internal void StreamAbortedByClient()
    {
        Interlocked.Increment(ref _streamsAbortedByClient);
        Changed();
    }

    internal void StreamDroppedByServer()
    {
        Interlocked.Increment(ref _streamsDroppedByServer);
        Changed();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every <see cref="WaitForAsync"/> and arms a fresh signal for the next change.</summary>
    private void Changed() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
}
