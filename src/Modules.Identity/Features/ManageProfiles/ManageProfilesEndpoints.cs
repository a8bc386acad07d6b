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
            .RequireScope(AccessScopes.JobsRead).WithSummary("Your freelancer profiles, default first");
        identity.MapGet("/profiles/{id:guid}", async (Guid id, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.GetAsync(UserIds.Require(http), id, ct) is { } p ? (IResult)ApiResults.Ok(p) : ApiResults.NotFound($"Profile {id} was not found"))
            .RequireScope(AccessScopes.JobsRead).WithSummary("One of your freelancer profiles");
        identity.MapPost("/profiles", async (ProfileInput input, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                ApiResults.Created(await profiles.CreateAsync(UserIds.Require(http), input, ct), "Profile created"))
            .Validate<ProfileInput>().WithSummary("Creates a freelancer profile (the first one is the default)");
        identity.MapPut("/profiles/{id:guid}", async (Guid id, ProfileInput input, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.UpdateAsync(UserIds.Require(http), id, input, ct) is { } p ? (IResult)ApiResults.Ok(p, "Profile updated") : ApiResults.NotFound($"Profile {id} was not found"))
            .Validate<ProfileInput>().WithSummary("Replaces one of your freelancer profiles");
        identity.MapDelete("/profiles/{id:guid}", async (Guid id, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { deleted = id }, "Profile deleted") : ApiResults.NotFound($"Profile {id} was not found"))
            .WithSummary("Deletes one of your freelancer profiles");
        return identity;
    }
}
