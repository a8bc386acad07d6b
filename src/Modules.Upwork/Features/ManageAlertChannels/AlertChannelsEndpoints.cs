namespace Modules.Upwork.Features.ManageAlertChannels;

/// <summary>Where alerts are also delivered (Slack, Discord, Telegram, webhook, e-mail), and the e-mail confirmation link.</summary>
internal static class AlertChannelsEndpoints
{
    public static RouteGroupBuilder MapAlertChannels(this RouteGroupBuilder api)
    {
        api.MapGet("/alert-channels", async (HttpContext http, ManageAlertChannels channels, CancellationToken ct) =>
                ApiResults.Ok(await channels.ListAsync(UserIds.Require(http), ct)))
           .WithSummary("Where your alerts are also delivered, with the last delivery and the last error");
        api.MapPost("/alert-channels", async (NewAlertChannel input, HttpContext http, ManageAlertChannels channels, CancellationToken ct) =>
                await channels.CreateAsync(UserIds.Require(http), input, ct) switch
                {
                    { Channel: { } created } => (IResult)ApiResults.Created(created, created.AwaitingConfirmation ? "Follow the link mailed to the address to start e-mail alerts" : "Created"),
                    var refused => UpworkLimitResults.LimitReached("kind", refused.Error!),
                })
           .Validate<NewAlertChannel>()
           .WithSummary("Adds a Slack, Discord, Telegram, signed-webhook or e-mail channel for your alerts (an e-mail address gets nothing until it follows the link mailed to it; at most Upwork:Limits:AlertChannelsPerUser)").OwnAccount();
        api.MapDelete("/alert-channels/{id:guid}", async (Guid id, HttpContext http, ManageAlertChannels channels, CancellationToken ct) =>
                await channels.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { deleted = true }) : ApiResults.NotFound($"Alert channel {id} was not found"))
           .WithSummary("Removes an alert channel and its pending deliveries").OwnAccount();
        return api;
    }

    /// <summary>The link mailed to a new e-mail channel's address: the token is the authentication (single use, expiring).</summary>
    public static IEndpointRouteBuilder MapAlertChannelConfirmation(this IEndpointRouteBuilder app)
    {
        app.MapGet(ManageAlertChannels.ConfirmPath, async (string? token, ManageAlertChannels channels, CancellationToken ct) =>
                await channels.ConfirmAsync(token, ct)
                    ? Results.Text("This address is confirmed: job alerts will be mailed to it.", "text/plain; charset=utf-8")
                    : Results.Text("This link is not valid: it was already used, has expired, or the channel was deleted.", "text/plain; charset=utf-8", statusCode: 404))
           .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
