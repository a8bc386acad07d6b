using Modules.Upwork.Data;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// Writes <c>upwork.call_log</c>: one row per request sent to Upwork (each attempt) or refused before sending, with the
/// user and reason from <see cref="UpworkCallContext"/>. A failed write is logged and never fails the call itself.
/// </summary>
internal sealed class UpworkCallLog(IDbContextFactory<AppDbContext> contexts, TimeProvider time, ILogger<UpworkCallLog> log)
{
    /// <summary>How long rows are kept (docs/compliance.md).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public async Task RecordAsync(UpworkCallOrigin? origin, string operation, string category, int? status, string outcome)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.CallLog().Add(new UpworkCallLogEntry
            {
                Id = Guid.CreateVersion7(), UserId = origin?.UserId, At = time.GetUtcNow(), Operation = Cut(operation, 100), Category = Cut(category, 20),
                Reason = Cut(origin?.Reason ?? "Background work", 200), Status = status, Outcome = outcome,
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            log.LogWarning(ex, "Could not write the Upwork call log for {Operation}", operation);
        }
    }

    /// <summary>Deletes rows older than <see cref="Retention"/>; returns how many. Safe to run any number of times.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - Retention;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CallLog().Where(e => e.At < cutoff).ExecuteDeleteAsync(ct);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
