using FluentValidation;
namespace Modules.Identity.Features.ManageMembers;

internal static class ManageMembersEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddManageMembers(this IServiceCollection services)
    {
        services.AddTransient<ManageMembers>().AddTransient<IValidator<MemberUpdate>, MemberUpdateValidator>();
        services.AddTransient<Contracts.Identity.IMemberDirectory, MemberDirectory>();
        return services;
    }

    public static RouteGroupBuilder MapListMembers(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users", async (ManageMembers members, CancellationToken ct) => ApiResults.Ok(await members.ListAsync(ct)))
            .WithSummary("Every member with role, plan, this month's AI usage and state (admins only)");
        return admin;
    }

    public static RouteGroupBuilder MapUpdateMember(this RouteGroupBuilder admin)
    {
        admin.MapPut("/users/{id:guid}", async (Guid id, MemberUpdate update, HttpContext http, ManageMembers members, CancellationToken ct) =>
                await members.UpdateAsync(UserIds.Require(http), id, update, http, ct) switch
                {
                    { Found: false } => ApiResults.NotFound($"User {id} was not found"),
                    { Error: { } error, Field: var field } => ApiResults.Error(StatusCodes.Status400BadRequest, error, [new ApiFieldError(field, error)]),
                    _ => (IResult)ApiResults.Ok(new { updated = id }, "Member updated"),
                })
            .Validate<MemberUpdate>().WithSummary("Sets a member's plan or role (Admin, Reviewer, Bidder, Viewer; a new role signs them out everywhere so it holds at once), or deactivates them (admins only)");
        return admin;
    }
}
