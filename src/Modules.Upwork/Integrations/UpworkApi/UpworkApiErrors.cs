namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// An endpoint filter on <c>/api/v1/upwork</c>: a refused or unavailable Upwork answers in the envelope with a clear
/// status and message (<see cref="UpworkFailure"/>: 409 reconnect, 429 rate-limited or budget spent, 403 missing
/// permission, 503 circuit open), or 502 when Upwork did not answer as expected — never a 500.
/// </summary>
internal static class UpworkApiErrors
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (UpworkFailure.From(ex, "needed", context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()) is { } failure)
        {
            return failure.ToResult(context.HttpContext);
        }
        catch (Exception ex) when (ex is UpworkApiException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            return ApiResults.Error(StatusCodes.Status502BadGateway, "Upwork did not answer as expected; try again in a minute");
        }
    }
}
