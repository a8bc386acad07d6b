using Contracts.Identity;
using FluentValidation;

namespace Modules.Identity.Features.ManageProfiles;

internal static class ManageProfilesEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddManageProfiles(this IServiceCollection services)
    {
        services.AddTransient<ManageProfiles>().AddTransient<Contracts.Identity.IFreelancerProfiles>(sp => sp.GetRequiredService<ManageProfiles>());
        services.AddTransient<IValidator<ProfileInput>, ProfileInputValidator>();
        services.AddMcpServer().WithResources<ProfilesResources>();
        return services;
    }

    public static RouteGroupBuilder MapManageProfiles(this RouteGroupBuilder identity)
    {
        identity.MapGet("/profiles", async (HttpContext http, ManageProfiles profiles, CancellationToken ct) => ApiResults.Ok(await profiles.ListAsync(UserIds.Require(http), ct)))
            .RequireScope(AccessScopes.JobsRead).WithSummary("Your freelancer profiles, default first, then those an admin shared with the team (readOnly: copy one to edit it)");
        identity.MapGet("/profiles/{id:guid}", async (Guid id, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.GetAsync(UserIds.Require(http), id, ct) is { } p ? (IResult)ApiResults.Ok(p) : ApiResults.NotFound($"Profile {id} was not found"))
            .RequireScope(AccessScopes.JobsRead).WithSummary("One of your freelancer profiles, or one shared with the team");
        identity.MapPost("/profiles/{id:guid}/copy", async (Guid id, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.CopyAsync(UserIds.Require(http), id, ct) is { } copy ? (IResult)ApiResults.Created(copy, "Profile copied") : ApiResults.NotFound($"Profile {id} was not found"))
            .WithSummary("Copies one of your profiles or a shared one into a new profile of yours, to edit");
        identity.MapPut("/profiles/{id:guid}/sharing", async (Guid id, ProfileSharing input, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.ShareAsync(UserIds.Require(http), id, input.Shared, ct) == ProfileChange.Done
                    ? (IResult)ApiResults.Ok(await profiles.GetAsync(UserIds.Require(http), id, ct), input.Shared ? "Shared with the team" : "No longer shared")
                    : ApiResults.NotFound($"Profile {id} was not found"))
            .RequireAuthorization(Permissions.Admin)
            .WithSummary("Shares one of your profiles with the team (read-only for the others, who may write with it and copy it), or stops sharing it; admins; audited");
        identity.MapPost("/profiles", async (ProfileInput input, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                ApiResults.Created(await profiles.CreateAsync(UserIds.Require(http), input, ct), "Profile created"))
            .Validate<ProfileInput>().WithSummary("Creates a freelancer profile (the first one is the default)");
        identity.MapPut("/profiles/{id:guid}", async (Guid id, ProfileInput input, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.UpdateAsync(UserIds.Require(http), id, input, ct) is { } p ? (IResult)ApiResults.Ok(p, "Profile updated") : await NotYoursAsync(profiles, http, id))
            .Validate<ProfileInput>().WithSummary("Replaces one of your freelancer profiles");
        identity.MapDelete("/profiles/{id:guid}", async (Guid id, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { deleted = id }, "Profile deleted") : await NotYoursAsync(profiles, http, id))
            .WithSummary("Deletes one of your freelancer profiles");
        return identity;
    }

    /// <summary>A teammate's shared profile is read-only (403 saying to copy it); anything else not the caller's is not found.</summary>
    private static async Task<IResult> NotYoursAsync(ManageProfiles profiles, HttpContext http, Guid id) =>
        await profiles.IsTeammatesSharedAsync(UserIds.Require(http), id, http.RequestAborted)
            ? ApiResults.Error(StatusCodes.Status403Forbidden, "This profile is shared with the team and read-only: copy it to edit it", [new ApiFieldError("id", "a shared profile is read-only")])
            : ApiResults.NotFound($"Profile {id} was not found");
}

/// <summary>Body of <c>PUT identity/profiles/{id}/sharing</c>.</summary>
internal sealed record ProfileSharing(bool Shared);
