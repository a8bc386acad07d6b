namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>Per-request options the Upwork HTTP pipeline reads: which operation (metrics), which budget, whether it may be retried.</summary>
internal static class UpworkRequest
{
    /// <summary>A response's Retry-After as a wait: its delta, or the distance from <paramref name="now"/> to its date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date is { } date ? date - now : null);

    public static readonly HttpRequestOptionsKey<string> Operation = new("upwork.operation");
    public static readonly HttpRequestOptionsKey<string> Category = new("upwork.category");

    /// <summary>Set on calls that must never be repeated automatically (submitting a proposal spends Connects).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("upwork.no-retry");

    public const string JobsCategory = "jobs";
    public const string ProposalsCategory = "proposals";

    /// <summary>The human Submit button's calls: the proposals hour, with its reserve (<see cref="UpworkBudgets.SubmitReservePerHour"/>).</summary>
    public const string SubmitCategory = "submit";
    public const string MessagesCategory = "messages";
    public const string ProfileCategory = "profile";
    public const string AuthCategory = "auth";
}

/// <summary>
/// Innermost handler: every attempt (retries included) waits for a slot from <see cref="IUpworkRateGate"/> and is
/// counted in <c>upwork_requests_total</c>. A 429 pauses the gate for every caller (every instance, with Redis) for at
/// least a minute, or Retry-After when longer, and ends the call: Upwork lifts a block a minute after the last
/// rate-limited request, so retrying inside it would only prolong it (docs/upwork-api.md §3).
/// </summary>
internal sealed class UpworkPacingHandler(IUpworkRateGate gate, IOptions<UpworkOptions> options, TimeProvider time) : DelegatingHandler
{
    /// <summary>How long every request stops after a 429 without a longer Retry-After.</summary>
    public static readonly TimeSpan RateLimitPause = TimeSpan.FromSeconds(60);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var operation = request.Options.TryGetValue(UpworkRequest.Operation, out var op) ? op : "unknown";
        var category = request.Options.TryGetValue(UpworkRequest.Category, out var c) ? c : UpworkRequest.JobsCategory;
        await gate.AcquireAsync(category, ct);
        // The attempt's own timeout starts once a slot is taken, so a full rate window delays a call instead of failing it.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(options.Value.RequestTimeout);
        try
        {
            var response = await base.SendAsync(request, attempt.Token);
            UpworkMetrics.Request(operation, (int)response.StatusCode);
            if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests) return response;
            var retryAfter = UpworkRequest.RetryAfter(response, time.GetUtcNow());
            response.Dispose();
            var until = await gate.PauseAsync(retryAfter > RateLimitPause ? retryAfter.Value : RateLimitPause, ct);
            throw new UpworkRateLimitedException(until, received: true);
        }
        catch (UpworkRateLimitedException)
        {
            throw;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            UpworkMetrics.Request(operation, 0);
            throw new Polly.Timeout.TimeoutRejectedException($"Upwork did not answer {operation} within {options.Value.RequestTimeout.TotalSeconds:0.#} s.");
        }
        catch
        {
            UpworkMetrics.Request(operation, 0);
            throw;
        }
    }
}
