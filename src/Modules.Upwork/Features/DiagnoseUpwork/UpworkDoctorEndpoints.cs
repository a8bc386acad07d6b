using Contracts.Identity;
using Modules.Upwork.Integrations.UpworkApi;

namespace Modules.Upwork.Features.DiagnoseUpwork;

/// <summary><c>POST /api/v1/upwork/doctor</c>: the admin's live self-check of our queries against Upwork's schema.</summary>
internal static class UpworkDoctorEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddUpworkDoctor(this IServiceCollection services)
    {
        services.AddTransient<UpworkDoctor>();
        return services;
    }

    public static RouteGroupBuilder MapUpworkDoctor(this RouteGroupBuilder api)
    {
        api.MapPost("/doctor", async (HttpContext http, UpworkDoctor doctor, CancellationToken ct) =>
            {
                try
                {
                    var report = await doctor.RunAsync(UserIds.Require(http), null, ct);
                    return (IResult)ApiResults.Ok(report, report.Error ?? (report.Passed ? "Every type, field, argument and enum value we send matches Upwork's schema" : "Some of what we send does not match Upwork's schema"));
                }
                catch (UpworkNotConnectedException) { return ApiResults.Error(StatusCodes.Status409Conflict, "Connect Upwork first: the check runs with your connection"); }
                catch (UpworkReconnectRequiredException ex) { return ApiResults.Error(StatusCodes.Status409Conflict, ex.Message); }
            })
           .RequireAuthorization(Permissions.Admin)
           .WithSummary("Admin only: checks every type, field, argument and enum value our Upwork queries send against Upwork's live schema (one __type request at a time, paced)");
        return api;
    }
}
