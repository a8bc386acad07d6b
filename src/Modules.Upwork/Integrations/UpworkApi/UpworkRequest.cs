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
/// Innermost handler: every attempt (retries included) is refused while a pause switch is on for its user or the
/// workspace (<see cref="UpworkPauseSwitch"/>, read once per call: by <see cref="UpworkAccounts"/> for its calls, else
/// here before the wait for a slot; and again just before sending only when the request had to wait for its slot), waits
/// for a slot from <see cref="IUpworkRateGate"/>, is counted in <c>upwork_requests_total</c> and written to the call
/// log (<see cref="UpworkCallLog"/>) with the user and reason of <see cref="UpworkCallContext"/>. A 429 pauses the gate for every caller (every instance, with Redis) for at
/// least a minute, or Retry-After when longer, and ends the call: Upwork lifts a block a minute after the last
/// rate-limited request, so retrying inside it would only prolong it (docs/upwork-api.md §3).
/// </summary>
internal sealed class UpworkPacingHandler(
    IUpworkRateGate gate, UpworkPauseSwitch pauses, UpworkCallLog callLog, IOptions<UpworkOptions> options, TimeProvider time) : DelegatingHandler
{
    /// <summary>How long every request stops after a 429 without a longer Retry-After.</summary>
    public static readonly TimeSpan RateLimitPause = TimeSpan.FromSeconds(60);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var operation = request.Options.TryGetValue(UpworkRequest.Operation, out var op) ? op : "unknown";
        var category = request.Options.TryGetValue(UpworkRequest.Category, out var c) ? c : UpworkRequest.JobsCategory;
        var origin = UpworkCallContext.Origin;
        // One read of the switches per call on the hot path: UpworkAccounts has just read them for this call, unless
        // this is a retry or a request made without it.
        if (origin?.Pause.Take() != true) await RefuseIfPausedAsync(origin, operation, category, ct);
        bool waited;
        try
        {
            waited = await gate.AcquireAsync(category, ct);
        }
        catch (UpworkBudgetExhaustedException)
        {
            await callLog.RecordAsync(origin, operation, category, null, "budget");
            throw;
        }
        catch (UpworkRateLimitedException)
        {
            await callLog.RecordAsync(origin, operation, category, null, "rate-limited");
            throw;
        }
        if (waited) await RefuseIfPausedAsync(origin, operation, category, ct);   // a switch turned on while this request waited for its slot
        // The attempt's own timeout starts once a slot is taken, so a full rate window delays a call instead of failing it.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(options.Value.RequestTimeout);
        try
        {
            var response = await base.SendAsync(request, attempt.Token);
            UpworkMetrics.Request(operation, (int)response.StatusCode);
            var status = (int)response.StatusCode;
            await callLog.RecordAsync(origin, operation, category, status,
                response.IsSuccessStatusCode ? "ok" : response.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? "rate-limited" : "error");
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
            await callLog.RecordAsync(origin, operation, category, 0, "error");
            throw new Polly.Timeout.TimeoutRejectedException($"Upwork did not answer {operation} within {options.Value.RequestTimeout.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            UpworkMetrics.Request(operation, 0);
            await callLog.RecordAsync(origin, operation, category, 0, "error");
            throw;
        }
        catch
        {
            UpworkMetrics.Request(operation, 0);
            throw;
        }
    }

    private Task RefuseIfPausedAsync(UpworkCallOrigin? origin, string operation, string category, CancellationToken ct) =>
        pauses.RefuseIfPausedAsync(origin, operation, category, callLog, ct);
}
