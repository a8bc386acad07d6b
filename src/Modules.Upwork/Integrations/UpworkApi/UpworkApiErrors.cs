namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// An endpoint filter on <c>/api/v1/upwork</c>: a refused or unavailable Upwork answers in the envelope with a clear
/// status and message (409 reconnect, 429 rate-limited or budget spent, 403 missing permission, 502/503 Upwork down),
/// never a 500.
/// </summary>
internal static class UpworkApiErrors
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (UpworkNotConnectedException)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, "Connect Upwork first");
        }
        catch (UpworkReconnectRequiredException ex)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, ex.Message);
        }
        catch (UpworkNotConfiguredException ex)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, ex.Message);
        }
        catch (UpworkRateLimitedException ex)
        {
            return ApiResults.Error(StatusCodes.Status429TooManyRequests, ex.Message);
        }
        catch (UpworkBudgetExhaustedException ex)
        {
            return ApiResults.Error(StatusCodes.Status429TooManyRequests, ex.Message);
        }
        catch (UpworkPermissionException ex)
        {
            return ApiResults.Error(StatusCodes.Status403Forbidden, ex.Message);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException)
        {
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, "Upwork is failing right now; calls are paused for a moment. Try again in a minute.");
        }
        catch (Exception ex) when (ex is UpworkOAuthException or UpworkApiException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            return ApiResults.Error(StatusCodes.Status502BadGateway, "Upwork did not answer as expected; try again in a minute");
        }
    }
}
