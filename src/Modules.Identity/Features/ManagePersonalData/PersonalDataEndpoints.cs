using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Modules.Identity.Features.ManagePersonalData;

internal static class PersonalDataEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services)
    {
        services.AddTransient<PersonalData>().AddTransient<PrivacyNotice>();
        return services;
    }

    public static RouteGroupBuilder MapPersonalData(this RouteGroupBuilder identity)
    {
        identity.MapGet("/export", async (HttpContext http, PersonalData data, TimeProvider time, CancellationToken ct) =>
                TypedResults.File(await data.ExportAsync(UserIds.Require(http), http, ct), "application/zip", $"upwork-assistant-data-{time.GetUtcNow():yyyyMMdd}.zip"))
            .WithSummary("Everything held about you, as a ZIP of JSON files (GDPR access and portability)");
        identity.MapDelete("/account", async ([FromBody] EraseRequest request, HttpContext http, PersonalData data, SignInManager<AppUser> signIn, CancellationToken ct) =>
            {
                if (await data.EraseAsync(UserIds.Require(http), request.Password ?? "", http, ct) is { } error)
                    return ApiResults.Error(StatusCodes.Status400BadRequest, error, [new ApiFieldError("password", error)]);
                if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) await signIn.SignOutAsync();
                return (IResult)ApiResults.Ok(new { erased = true }, "Your account and everything in it have been deleted");
            })
            .WithSummary("Deletes your account and every row about you, after you confirm your password (GDPR erasure)").OwnAccount();
        identity.MapGet("/privacy", async (HttpContext http, PrivacyNotice notice, CancellationToken ct) => ApiResults.Ok(await notice.RunAsync(UserIds.Require(http), ct)))
            .WithSummary("What is collected about you, why, for how long, who it is shared with, and your rights");
        return identity;
    }
}
