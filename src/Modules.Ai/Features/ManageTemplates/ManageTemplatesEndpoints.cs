using Contracts.Identity;

namespace Modules.Ai.Features.ManageTemplates;

internal static class ManageTemplatesEndpoints
{
    public static RouteGroupBuilder MapManageTemplates(this RouteGroupBuilder api)
    {
        api.MapGet("/templates", async (HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                ApiResults.Ok(await templates.ListAsync(UserIds.Require(http), ct)))
           .WithSummary("The built-in templates, yours, and those an admin shared with the team (readOnly: copy one to edit it)");
        api.MapGet("/templates/win-rates", async (HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                ApiResults.Ok(await templates.WinRatesAsync(UserIds.Require(http), ct)))
           .WithSummary("Per template you can use: proposals sent with it across the whole team, hires among them and the win rate");
        api.MapPost("/templates/{id}/copy", async (string id, HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                await templates.AtLimitAsync(UserIds.Require(http), ct)
                    ? ApiResults.Error(StatusCodes.Status409Conflict, $"You already have {templates.Limit} templates (the limit, {ManageTemplates.LimitSetting}); delete one first",
                        [new ApiFieldError("id", $"at most {templates.Limit} templates per user")])
                    : await templates.CopyAsync(UserIds.Require(http), id, ct) is { } copy
                    ? (IResult)ApiResults.Created(copy)
                    : ApiResults.NotFound("Template not found"))
           .RequireAuthorization(Permissions.Draft)
           .WithSummary("Copies a built-in, own or shared template into a new template of yours, to edit");
        api.MapPut("/templates/{id:guid}/sharing", async (Guid id, TemplateSharing input, HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                await templates.ShareAsync(UserIds.Require(http), id, input.Shared, ct) == TemplateChange.Done
                    ? (IResult)ApiResults.Ok(await templates.FindAsync(UserIds.Require(http), id.ToString(), ct))
                    : ApiResults.NotFound("Template not found"))
           .RequireAuthorization(Permissions.Admin)
           .WithSummary("Shares one of your templates with the team (read-only for the others, who may copy it), or stops sharing it; admins; audited");
        api.MapPost("/templates", async (TemplateInput input, HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                await templates.AtLimitAsync(UserIds.Require(http), ct)
                    ? ApiResults.Error(StatusCodes.Status409Conflict, $"You already have {templates.Limit} templates (the limit, {ManageTemplates.LimitSetting}); delete one first",
                        [new ApiFieldError("name", $"at most {templates.Limit} templates per user")])
                    : await templates.CreateAsync(UserIds.Require(http), input, ct) is { } created
                    ? (IResult)ApiResults.Created(created)
                    : ApiResults.Error(StatusCodes.Status409Conflict, "You already have a template with this name", [new ApiFieldError("name", "name is already used by another of your templates")]))
           .Validate<TemplateInput>()
           .WithSummary("Creates a template; its {variables} must be ones the writer fills (at most Ai:Limits:TemplatesPerUser, 50 by default)");
        api.MapPut("/templates/{id:guid}", async (Guid id, TemplateInput input, HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                await templates.UpdateAsync(UserIds.Require(http), id, input, ct) is { } updated ? (IResult)ApiResults.Ok(updated) : await NotYoursAsync(templates, http, id))
           .Validate<TemplateInput>()
           .WithSummary("Edits one of your templates (its version goes up)");
        api.MapDelete("/templates/{id:guid}", async (Guid id, HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                await templates.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { id }) : await NotYoursAsync(templates, http, id))
           .WithSummary("Deletes one of your templates");
        return api;
    }

    /// <summary>A teammate's shared template is read-only (403 saying to copy it); anything else not the caller's is not found.</summary>
    private static async Task<IResult> NotYoursAsync(ManageTemplates templates, HttpContext http, Guid id) =>
        await templates.IsTeammatesSharedAsync(UserIds.Require(http), id, http.RequestAborted)
            ? ApiResults.Error(StatusCodes.Status403Forbidden, "This template is shared with the team and read-only: copy it to edit it", [new ApiFieldError("id", "a shared template is read-only")])
            : ApiResults.NotFound("Template not found");
}

/// <summary>Body of <c>PUT ai/templates/{id}/sharing</c>.</summary>
internal sealed record TemplateSharing(bool Shared);
