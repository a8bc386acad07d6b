namespace Modules.Analytics.Features.ShowBusinessMetrics;

/// <summary>The operator's business view (admins only): subscriptions and the MRR, churn and LTV computed from them.</summary>
internal static class BusinessMetricsEndpoints
{
    public static RouteGroupBuilder MapBusinessMetrics(this RouteGroupBuilder business)
    {
        business.MapGet("/", async (ManageSubscriptions subs, CancellationToken ct) => ApiResults.Ok(await subs.ViewAsync(ct)))
           .WithSummary("MRR today, the last twelve months (MRR, churn, ARPU, LTV) and plan shares (admins only)");
        business.MapGet("/subscriptions", async (ManageSubscriptions subs, CancellationToken ct) => ApiResults.Ok(await subs.AllAsync(ct)))
           .WithSummary("The subscription book (admins only)");
        business.MapPost("/subscriptions", async (SubscriptionInput input, ManageSubscriptions subs, CancellationToken ct) =>
                ApiResults.Created(await subs.AddAsync(input, ct)))
           .Validate<SubscriptionInput>()
           .WithSummary("Adds a subscription (admins only)");
        business.MapPut("/subscriptions/{id:guid}/end", async (Guid id, DateOnly? end, ManageSubscriptions subs, CancellationToken ct) =>
                await subs.EndAsync(id, end, ct) ? (IResult)ApiResults.Ok(new { id, end }) : ApiResults.NotFound("Subscription not found"))
           .WithSummary("Ends a subscription on a date, or reopens it without one (admins only)");
        return business;
    }
}
