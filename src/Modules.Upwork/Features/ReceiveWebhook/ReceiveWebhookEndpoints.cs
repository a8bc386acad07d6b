using System.Diagnostics;
using FluentValidation;
using Modules.Upwork.Features.ManageAlertChannels;

namespace Modules.Upwork.Features.ReceiveWebhook;

/// <summary>Inbound webhooks: the user's sources, and the signed endpoint senders post to.</summary>
internal static class ReceiveWebhookEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddReceiveWebhook(this IServiceCollection services)
    {
        services.AddTransient<ReceiveWebhook>().AddTransient<ManageWebhookSources>().AddTransient<IValidator<NewWebhookSource>, NewWebhookSourceValidator>();
        return services;
    }

    public static RouteGroupBuilder MapWebhookSources(this RouteGroupBuilder api)
    {
        api.MapGet("/webhook-sources", async (HttpContext http, ManageWebhookSources sources, CancellationToken ct) =>
                ApiResults.Ok(await sources.ListAsync(UserIds.Require(http), ct)))
           .WithSummary("The user's inbound webhook sources");
        api.MapPost("/webhook-sources", async (HttpContext http, NewWebhookSource input, ManageWebhookSources sources, IOptions<UpworkLimits> limits, CancellationToken ct) =>
                await sources.CreateAsync(UserIds.Require(http), input.Name, ct) is { } created
                    ? (IResult)ApiResults.Created(created, "Copy the secret now: it is not shown again")
                    : UpworkLimitResults.LimitReached("name", $"You already have {limits.Value.WebhookSourcesPerUser} webhook sources (the limit, Upwork:Limits:WebhookSourcesPerUser); delete one first"))
           .Validate<NewWebhookSource>()
           .WithSummary("Creates a webhook source and returns its signing secret once");
        api.MapDelete("/webhook-sources/{id:guid}", async (Guid id, HttpContext http, ManageWebhookSources sources, CancellationToken ct) =>
                await sources.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { deleted = true }) : ApiResults.NotFound($"Webhook source {id} was not found"))
           .WithSummary("Deletes a webhook source; its URL stops accepting events");
        return api;
    }

    /// <summary>Signed by the sender, not signed in: the HMAC is the authentication.</summary>
    public static IEndpointRouteBuilder MapReceiveWebhook(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("upwork/webhooks", "Upwork webhooks").AllowAnonymous()
           .MapPost("/{sourceId:guid}", async (Guid sourceId, HttpRequest request, ReceiveWebhook receive, CancellationToken ct) =>
                ToHttp(await receive.RunAsync(sourceId, request.Body, request.Headers[ReceiveWebhook.SignatureHeader].ToString(), ct)))
           .WithSummary("Inbound job events (job.created, job.updated, proposal.updated), HMAC-SHA256 signed");
        return app;
    }

    private static IResult ToHttp(WebhookOutcome outcome) => outcome switch
    {
        WebhookOutcome.Accepted a => ApiResults.Ok(a.Ack),
        WebhookOutcome.TooLarge t => ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"The webhook body exceeds {t.MaxBytes / 1024} KB."),
        WebhookOutcome.SignatureMismatch => ApiResults.Error(StatusCodes.Status401Unauthorized, $"The {ReceiveWebhook.SignatureHeader} signature does not match this webhook source."),
        WebhookOutcome.Invalid i => ApiResults.ValidationFailed(i.Errors),
        _ => throw new UnreachableException(outcome.GetType().Name),
    };
}
