using FluentValidation;
namespace Modules.Identity.Features.ShowProfile;

internal static class ShowProfileEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddShowProfile(this IServiceCollection services)
    {
        services.AddScoped<ShowProfile>().AddTransient<IValidator<ProfileUpdate>, ProfileUpdateValidator>();
        return services;
    }

    public static RouteGroupBuilder MapShowProfile(this RouteGroupBuilder auth)
    {
        auth.MapGet("/profile", async (HttpContext http, ShowProfile profile) =>
                await profile.RunAsync(UserIds.Require(http)) is { } p ? (IResult)ApiResults.Ok(p) : ApiResults.NotFound("Account not found"))
            .RequireAuthorization().WithSummary("The signed-in user's profile");
        auth.MapPut("/profile", async (ProfileUpdate update, HttpContext http, ShowProfile profile, CancellationToken ct) =>
                await profile.UpdateAsync(UserIds.Require(http), update, http, ct) is { } p
                    ? (IResult)ApiResults.Ok(p, "Profile updated") : ApiResults.NotFound("Account not found"))
            .Validate<ProfileUpdate>().RequireAuthorization().WithSummary("Updates the signed-in user's name");
        return auth;
    }
}
