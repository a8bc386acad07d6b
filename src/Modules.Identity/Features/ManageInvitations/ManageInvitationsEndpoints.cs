using Modules.Identity.Registration;

namespace Modules.Identity.Features.ManageInvitations;

internal static class ManageInvitationsEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddManageInvitations(this IServiceCollection services)
    {
        services.AddTransient<Invitations>();
        return services;
    }

    public static RouteGroupBuilder MapManageInvitations(this RouteGroupBuilder admin)
    {
        admin.MapGet("/registration", async (Invitations invitations, CancellationToken ct) =>
                ApiResults.Ok(new RegistrationSetting(await invitations.IsRegistrationOpenAsync(ct))))
            .WithSummary("Whether anyone may register (admins only)");
        admin.MapPut("/registration", async (RegistrationSetting setting, HttpContext http, Invitations invitations, CancellationToken ct) =>
            {
                await invitations.SetRegistrationOpenAsync(UserIds.Require(http), setting.OpenRegistration, http, ct);
                return ApiResults.Ok(setting, setting.OpenRegistration ? "Registration is open" : "Registration is closed: invitation links still work");
            })
            .WithSummary("Opens or closes registration; the stored choice wins over Auth:OpenRegistration (admins only)");
        admin.MapGet("/invitations", async (Invitations invitations, CancellationToken ct) => ApiResults.Ok(await invitations.ListAsync(ct)))
            .WithSummary("The latest 50 invitation links: open, used or expired (admins only)");
        admin.MapPost("/invitations", async (NewInvitationRequest request, HttpContext http, Invitations invitations, CancellationToken ct) =>
            {
                var days = request.ExpiresInDays ?? (int)Invitations.DefaultLifetime.TotalDays;
                if (days is < 1 or > 30)
                    return ApiResults.Error(StatusCodes.Status400BadRequest, "expiresInDays must be between 1 and 30", [new ApiFieldError("expiresInDays", "expiresInDays must be between 1 and 30")]);
                var invitation = await invitations.CreateAsync(UserIds.Require(http), TimeSpan.FromDays(days), http, ct);
                var origin = $"{http.Request.Scheme}://{http.Request.Host}";
                return (IResult)ApiResults.Created(invitation with { Link = origin + invitation.Link }, "Invitation created: the link works once");
            })
            .WithSummary("Creates a single-use invitation link that expires (1–30 days, default 7) (admins only)");
        return admin;
    }
}
