namespace Modules.Ai.Features.ManageSettings;

internal static class ManageSettingsEndpoints
{
    public static RouteGroupBuilder MapManageSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/settings", async (HttpContext http, ManageSettings settings, CancellationToken ct) => ApiResults.Ok(await settings.GetAsync(UserIds.Require(http), ct)))
           .WithSummary("Your provider order, models and limits (workspace defaults where you set none)");
        api.MapPut("/settings", async (AiSettingsInput input, HttpContext http, ManageSettings settings, CancellationToken ct) =>
                ApiResults.Ok(await settings.SaveAsync(UserIds.Require(http), input, ct)))
           .Validate<AiSettingsInput>()
           .WithSummary("Saves your provider order, models and limits");
        return api;
    }
}
