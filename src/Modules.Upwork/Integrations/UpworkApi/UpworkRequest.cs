namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>Per-request options the Upwork HTTP pipeline reads: which operation (metrics), which budget, whether it may be retried.</summary>
internal static class UpworkRequest
{
    public static readonly HttpRequestOptionsKey<string> Operation = new("upwork.operation");
    public static readonly HttpRequestOptionsKey<string> Category = new("upwork.category");

    /// <summary>Set on calls that must never be repeated automatically (submitting a proposal spends Connects).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("upwork.no-retry");

    public const string JobsCategory = "jobs";
    public const string ProposalsCategory = "proposals";
    public const string MessagesCategory = "messages";
    public const string ProfileCategory = "profile";
    public const string AuthCategory = "auth";
}

/// <summary>
/// Innermost handler: every attempt (retries included) waits for a slot from <see cref="IUpworkRateGate"/> and is
/// counted in <c>upwork_requests_total</c>.
/// </summary>
internal sealed class UpworkPacingHandler(IUpworkRateGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var operation = request.Options.TryGetValue(UpworkRequest.Operation, out var op) ? op : "unknown";
        var category = request.Options.TryGetValue(UpworkRequest.Category, out var c) ? c : UpworkRequest.JobsCategory;
        await gate.AcquireAsync(category, ct);
        try
        {
            var response = await base.SendAsync(request, ct);
            UpworkMetrics.Request(operation, (int)response.StatusCode);
            return response;
        }
        catch
        {
            UpworkMetrics.Request(operation, 0);
            throw;
        }
    }
}
