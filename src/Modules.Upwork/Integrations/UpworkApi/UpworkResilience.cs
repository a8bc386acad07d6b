using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>The resilience pipeline of the Upwork HTTP clients (OAuth and GraphQL).</summary>
internal static class UpworkResilience
{
    /// <summary>
    /// Retries with exponential backoff and jitter on 5xx, timeouts and Upwork's "Transform timeout" (a 200 with that
    /// error); a circuit breaker; a timeout per attempt. A 429 is never retried: <see cref="UpworkPacingHandler"/> pauses
    /// every request for at least a minute and ends the call. Calls marked <see cref="UpworkRequest.NoRetry"/> (proposal
    /// submission) are sent exactly once.
    /// </summary>
    public static IHttpClientBuilder AddUpworkResilience(this IHttpClientBuilder http, UpworkOptions o)
    {
        http.AddResilienceHandler("upwork", pipeline =>
        {
            pipeline.AddTimeout(TimeSpan.FromSeconds(o.RequestTimeout.TotalSeconds * (o.MaxRetries + 2) + 60));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, o.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = true,
                ShouldHandle = async args =>
                {
                    if (o.MaxRetries == 0) return false;
                    // The request, not the response: a submission that timed out (no response) must not be sent again either.
                    if (args.Context.GetRequestMessage()?.Options.TryGetValue(UpworkRequest.NoRetry, out _) == true) return false;
                    if (args.Outcome.Exception is UpworkRateLimitedException || args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests) return false;
                    if (HttpClientResiliencePredicates.IsTransient(args.Outcome)) return true;
                    return args.Outcome.Result is { StatusCode: System.Net.HttpStatusCode.OK } response
                           && await IsTransformTimeoutAsync(response, args.Context.CancellationToken);
                },
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.8,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = TimeSpan.FromSeconds(30),
            });
            // The per-attempt timeout lives in UpworkPacingHandler, after the wait for a rate slot: waiting is not failing.
        });
        return http;
    }

    private static async Task<bool> IsTransformTimeoutAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.RequestMessage?.RequestUri?.AbsolutePath.EndsWith("/graphql", StringComparison.OrdinalIgnoreCase) != true) return false;
        await response.Content.LoadIntoBufferAsync(ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Contains("Transform timeout", StringComparison.OrdinalIgnoreCase);
    }
}
