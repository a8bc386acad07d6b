using Polly.CircuitBreaker;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// What a user-initiated Upwork call that could not go out (or was refused outright) answers: a 4xx or 503 with a
/// message that says what to do, and when to try again if that is known — never a 500. Each of these failures happens
/// before Upwork acted on the request (the gate, the token, the circuit, a refusal), so nothing was sent twice or half.
/// </summary>
internal sealed record UpworkFailure(int Status, string Message, TimeSpan? RetryAfter = null)
{
    /// <summary>The answer for <paramref name="ex"/>, or null when the outcome at Upwork is unknown (a 5xx, a timeout, a dropped connection).</summary>
    /// <param name="ex">What the call threw.</param>
    /// <param name="permission">The key permission the call needs, named in a 403.</param>
    /// <param name="now">The current time, for a retry hint.</param>
    public static UpworkFailure? From(Exception ex, string permission, DateTimeOffset now) => ex switch
    {
        UpworkBudgetExhaustedException b => new(429,
            $"The app's Upwork request budget is spent; try again after {b.RetryAt:HH:mm} UTC.", b.RetryAt - now),
        UpworkRateLimitedException r => new(429, $"Upwork is rate-limiting the app; every Upwork call is paused until {r.PausedUntil:HH:mm:ss} UTC.",
            r.PausedUntil - now),
        UpworkNotConnectedException => new(409, "Connect Upwork first."),
        UpworkPausedException p => new(423, p.Message),
        UpworkReconnectRequiredException r => new(409, $"Reconnect Upwork: {r.Message}"),
        UpworkNotConfiguredException => new(503, "Upwork is not configured on this server: set Upwork:ClientId, Upwork:ClientSecret and Upwork:RedirectUri."),
        UpworkOAuthException => new(503, "Upwork's sign-in service did not renew the access; try again in a few minutes, and reconnect Upwork if it keeps failing.",
            TimeSpan.FromMinutes(1)),
        BrokenCircuitException => new(503, "Upwork has been failing, so the app paused its calls for a short while; try again in a minute.",
            TimeSpan.FromSeconds(30)),   // the break duration set in UpworkModule
        UpworkPermissionException => new(403, $"Your Upwork key lacks the {permission} permission."),
        UpworkUnauthorizedException => new(409, "Upwork did not accept the connection's access token; try again, and reconnect Upwork if it keeps happening."),
        UpworkApiException { Status: 429 } a => new(429, "Upwork is rate-limiting the app; try again in a minute.", a.RetryAfter ?? TimeSpan.FromSeconds(60)),
        _ => null,
    };

    /// <summary>The envelope, with <c>Retry-After</c> when a time is known.</summary>
    public IResult ToResult(HttpContext http)
    {
        SetRetryAfter(http, RetryAfter);
        return ApiResults.Error(Status, Message);
    }

    /// <summary>Sets <c>Retry-After</c> in whole seconds (at least 1) when <paramref name="wait"/> is known.</summary>
    public static void SetRetryAfter(HttpContext http, TimeSpan? wait)
    {
        if (wait is { } w) http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(w.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
