using Contracts.Identity;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Modules.Upwork.Features.DiagnoseUpwork;

/// <summary>
/// The live self-check: with a connected account, confirms against Upwork's schema every type, field, argument, input
/// field and enum value our operations send (<see cref="DoctorCalls"/>), one <c>__type</c> request at a time through
/// the same pipeline as every other call, so the rate gate paces it under the limits.
/// </summary>
internal sealed class UpworkDoctor(UpworkAccounts accounts, IDbContextFactory<AppDbContext> contexts, IMemberDirectory members, ILogger<UpworkDoctor> log)
{
    /// <summary>
    /// Checks every operation as <paramref name="userId"/>. Throws <see cref="UpworkNotConnectedException"/> or
    /// <see cref="UpworkReconnectRequiredException"/> when that account cannot call Upwork; an error on the way ends
    /// the run with what was found so far and the error.
    /// </summary>
    public async Task<DoctorReport> RunAsync(Guid userId, IProgress<DoctorProgress>? progress, CancellationToken ct)
    {
        string account;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var connection = await db.UpworkConnections().AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId, ct)
                             ?? throw new UpworkNotConnectedException();
            account = $"{connection.UpworkName ?? connection.UpworkNid ?? connection.UpworkUserId} ({connection.UpworkNid ?? connection.UpworkUserId})";
        }

        var operationName = "";
        QueryChecker? checker = null;
        checker = new QueryChecker(
            async (name, token) => LiveType.From((await accounts.CallAsync(userId, LiveType.Request(name), token, "Upwork doctor check")).Data),
            name => progress?.Report(new DoctorProgress(checker!.TypesChecked + 1, name, operationName)));
        var operations = new List<DoctorOperation>();
        try
        {
            foreach (var operation in DoctorCalls.All())
            {
                operationName = operation.Calls.FirstOrDefault()?.OperationName ?? operation.Method;
                if (operation.Calls.Count == 0)
                {
                    operations.Add(new DoctorOperation(operationName, "?", [new DoctorFinding(DoctorOutcome.Mismatch, operation.Method, operation.Problem ?? "no sample call", null, null)]));
                    continue;
                }
                var result = await checker.CheckAsync(operationName, operation.Calls[0].Query, operation.Calls.Select(DoctorCalls.Variables).ToList(), ct);
                if (operation.Problem is { } problem) result = result with { Findings = [.. result.Findings, new DoctorFinding(DoctorOutcome.Warning, operation.Method, problem, null, null)] };
                operations.Add(result);
            }
        }
        catch (Exception ex) when (ex is UpworkApiException or UpworkBudgetExhaustedException or HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
        {
            log.LogWarning("upwork-doctor stopped while checking {Operation}: {Error}", operationName, ex.Message);
            return new DoctorReport(account, operations, checker.TypesChecked, $"Stopped while checking {operationName}: {ex.Message}");
        }
        return new DoctorReport(account, operations, checker.TypesChecked, null);
    }

    /// <summary>
    /// The account the command-line doctor acts for: the one with <paramref name="email"/>, else the first admin with
    /// a connection. Null with the reason when there is none.
    /// </summary>
    public async Task<(Guid? UserId, string? Problem)> FindAccountAsync(string? email, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (email is not null)
        {
            if (await members.FindByEmailAsync(email, ct) is not { } userId) return (null, $"No account has the e-mail address {email}.");
            return await db.UpworkConnections().AnyAsync(c => c.UserId == userId, ct)
                ? (userId, null)
                : (null, $"{email} has not connected Upwork (Upwork page → Connect Upwork).");
        }
        var admins = await members.AdminsAsync(ct);
        var connected = await db.UpworkConnections().Where(c => admins.Contains(c.UserId)).Select(c => c.UserId).ToListAsync(ct);
        return admins.FirstOrDefault(connected.Contains) is var first && first != Guid.Empty
            ? (first, null)
            : (null, "No admin has connected Upwork: connect it on the Upwork page, or pass --user <email> of an account that has.");
    }
}
