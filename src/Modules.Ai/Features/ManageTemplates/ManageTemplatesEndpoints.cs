namespace Modules.Ai.Features.ManageTemplates;

internal static class ManageTemplatesEndpoints
{
    public static RouteGroupBuilder MapManageTemplates(this RouteGroupBuilder api)
    {
        api.MapGet("/templates", async (HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                ApiResults.Ok(await templates.ListAsync(UserIds.Require(http), ct)))
           .WithSummary("The built-in templates and yours");
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
                await templates.UpdateAsync(UserIds.Require(http), id, input, ct) is { } updated ? (IResult)ApiResults.Ok(updated) : ApiResults.NotFound("Template not found"))
           .Validate<TemplateInput>()
           .WithSummary("Edits one of your templates (its version goes up)");
        api.MapDelete("/templates/{id:guid}", async (Guid id, HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                await templates.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { id }) : ApiResults.NotFound("Template not found"))
           .WithSummary("Deletes one of your templates");
        return api;
    }
}
