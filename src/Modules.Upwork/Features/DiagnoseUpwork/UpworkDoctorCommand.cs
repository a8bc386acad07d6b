using Modules.Upwork.Integrations.UpworkApi;

namespace Modules.Upwork.Features.DiagnoseUpwork;

/// <summary>
/// <c>dotnet UpworkAssistant.App.dll upwork-doctor [--user &lt;email&gt;] [--verbose]</c>: runs <see cref="UpworkDoctor"/>
/// with the app's own configuration (database, encryption keys, Upwork URLs) and prints what matches and what does not.
/// Exit codes: 0 everything matches, 1 something differs, 2 no usable Upwork connection, 3 the check could not finish,
/// 64 bad usage.
/// </summary>
internal static class UpworkDoctorCommand
{
    public const int Matches = 0, Differs = 1, NoConnection = 2, Incomplete = 3, Usage = 64;

    private const string UsageText = "usage: upwork-doctor [--user <email>] [--verbose] [--Section:Key value …]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        string? email = null;
        var verbose = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--user" when i + 1 < args.Count:
                    email = args[++i];
                    break;
                case "--verbose" or "-v":
                    verbose = true;
                    break;
                // Host configuration on the command line (--Database:DataDirectory=…, --Upwork:GraphQlUrl …) is the host's.
                case { } setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('='):
                    break;
                case { } setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains(':'):
                    i++;
                    break;
                default:
                    await output.WriteLineAsync(UsageText);
                    return Usage;
            }
        }

        await using var scope = services.CreateAsyncScope();
        var doctor = scope.ServiceProvider.GetRequiredService<UpworkDoctor>();
        var (userId, problem) = await doctor.FindAccountAsync(email, ct);
        if (userId is null)
        {
            await output.WriteLineAsync($"upwork-doctor: {problem}");
            return NoConnection;
        }

        DoctorReport report;
        try
        {
            var progress = verbose ? new Immediate(p => output.WriteLine($"  asking Upwork for type {p.CurrentType} ({p.TypesChecked})")) : null;
            report = await doctor.RunAsync(userId.Value, progress, ct);
        }
        catch (Exception ex) when (ex is UpworkNotConnectedException or UpworkReconnectRequiredException)
        {
            await output.WriteLineAsync($"upwork-doctor: {ex.Message}");
            return NoConnection;
        }

        await output.WriteAsync(Render(report, verbose));
        return report.Error is not null ? Incomplete : report.Passed ? Matches : Differs;
    }

    /// <summary>The report as plain text: one line per operation, each mismatch with the line of the query that would fail.</summary>
    public static string Render(DoctorReport report, bool verbose)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"upwork-doctor: {report.Operations.Count} operations checked against Upwork's live schema as {report.Account}, one type per request.");
        foreach (var operation in report.Operations)
        {
            var mismatches = operation.Findings.Count(f => f.Outcome == DoctorOutcome.Mismatch);
            var warnings = operation.Findings.Count(f => f.Outcome == DoctorOutcome.Warning);
            text.Append($"{(operation.Passed ? "OK      " : "MISMATCH")} {operation.Name} ({operation.Kind}): {operation.Matches} match");
            if (mismatches > 0) text.Append($", {mismatches} do not");
            if (warnings > 0) text.Append($", {warnings} warning{(warnings == 1 ? "" : "s")}");
            text.AppendLine();
            foreach (var finding in operation.Findings.Where(f => verbose || f.Outcome != DoctorOutcome.Match))
            {
                var mark = finding.Outcome switch { DoctorOutcome.Mismatch => "  x", DoctorOutcome.Warning => "  !", _ => "  ok" };
                text.AppendLine($"{mark} {finding.Subject}: {finding.Message}");
                if (finding.Outcome != DoctorOutcome.Match && finding.Line is { } line)
                    text.AppendLine($"      {operation.Name} line {line}: {finding.LineText}");
            }
        }
        var total = report.Mismatches.Count();
        text.AppendLine(report.Error is { } error
            ? $"Incomplete after {report.TypesChecked} types: {error}"
            : total == 0
                ? $"All match: {report.TypesChecked} types checked."
                : $"{total} mismatch{(total == 1 ? "" : "es")} in {report.TypesChecked} types checked: the operations marked MISMATCH would fail on Upwork.");
        return text.ToString();
    }

    /// <summary>Reports on the caller's thread, so progress lines come before the report (Progress&lt;T&gt; posts them later).</summary>
    private sealed class Immediate(Action<DoctorProgress> report) : IProgress<DoctorProgress>
    {
        public void Report(DoctorProgress value) => report(value);
    }
}
