using System.Threading.Channels;

namespace Modules.Ai.Data;

/// <summary>
/// The accounting rows of cached letters served again, written off the request path (docs/benchmarks.md, "A cached
/// letter"): a hit costs nothing and counts against no quota, so nothing waits for its row; the writer takes whatever is
/// queued, one transaction for all of it, as soon as there is any (one row alone under a trickle, batches under load).
/// Readers of the rows (the generation history, erasure) call <see cref="WaitForPendingAsync"/> first and see every hit
/// served before they asked. On shutdown the queue is written out after the server has finished its requests; a
/// killed process loses at most the hits of the last moment (rows of zero cost: no spend or quota is counted by them).
/// </summary>
internal sealed class GenerationHits(IDbContextFactory<AppDbContext> contexts, TimeProvider time, ILogger<GenerationHits> log) : BackgroundService
{
    private const int MaxBatch = 500;
    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    private readonly Channel<Generation> _queue = Channel.CreateUnbounded<Generation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _queuedCount;
    private long _writtenCount;

    public async ValueTask AddAsync(Generation row)
    {
        Interlocked.Increment(ref _queuedCount);
        if (_queue.Writer.TryWrite(row)) return;
        // Only after shutdown has written the queue out: store it the slow way rather than drop it.
        await WriteAsync([row], CancellationToken.None);
        Written(1);
    }

    /// <summary>Returns once every hit queued before the call is written (or given up on and logged).</summary>
    public async Task WaitForPendingAsync(CancellationToken ct)
    {
        var target = Interlocked.Read(ref _queuedCount);
        while (Interlocked.Read(ref _writtenCount) < target)
        {
            Task next;
            lock (_gate) next = _written.Task;
            if (Interlocked.Read(ref _writtenCount) >= target) return;
            await next.WaitAsync(ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken)) await DrainAsync(CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _queue.Writer.TryComplete();
        await DrainAsync(cancellationToken);
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        var batch = new List<Generation>();
        while (_queue.Reader.TryRead(out var row))
        {
            batch.Add(row);
            if (batch.Count < MaxBatch) continue;
            await WriteAsync(batch, ct);
            Written(batch.Count);
            batch.Clear();
        }
        if (batch.Count == 0) return;
        await WriteAsync(batch, ct);
        Written(batch.Count);
    }

    private void Written(int count)
    {
        Interlocked.Add(ref _writtenCount, count);
        TaskCompletionSource done;
        lock (_gate)
        {
            done = _written;
            _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }

    private async Task WriteAsync(IReadOnlyList<Generation> rows, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                db.Generations().AddRange(rows);
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException && rows.Count > 1)
            {
                // One bad row (its user erased a moment ago) must not cost the others theirs: one at a time.
                log.LogWarning(e, "Storing {Count} cached-letter rows together failed; storing them one by one", rows.Count);
                foreach (var row in rows) await WriteAsync([row], ct);
                return;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException && attempt < Retries.Length)
            {
                log.LogWarning(e, "Storing a cached-letter row failed (attempt {Attempt}); retrying", attempt + 1);
                await Task.Delay(Retries[attempt], time, ct);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                // Reported, not retried for ever: a row whose user was erased meanwhile can never be stored.
                log.LogError(e, "Gave up storing cached-letter row {Id} after {Attempts} attempts", rows[0].Id, attempt + 1);
                return;
            }
        }
    }
}
