using Contracts.Identity;
using FluentValidation;

namespace Modules.Upwork.Features.ManageSavedSearches;

/// <summary>Saved searches: yours, and those an admin shared with the team (which you may follow).</summary>
internal static class ManageSavedSearchesEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddManageSavedSearches(this IServiceCollection services)
    {
        services.AddTransient<ManageSavedSearches>().AddTransient<IValidator<SavedSearchInput>, SavedSearchInputValidator>();
        services.AddMcpServer().WithTools<ManageSavedSearchesTools>();
        return services;
    }

    public static RouteGroupBuilder MapManageSavedSearches(this RouteGroupBuilder api)
    {
        api.MapGet("/saved-searches", async (HttpContext http, ManageSavedSearches searches, CancellationToken ct) =>
                ApiResults.Ok(await searches.ListVisibleAsync(UserIds.Require(http), ct)))
           .RequireScope(AccessScopes.JobsRead).WithSummary("Your saved searches, then those an admin shared with the team (readOnly, with following)");
        api.MapPost("/saved-searches", async (HttpContext http, SavedSearchInput input, ManageSavedSearches searches, CancellationToken ct) =>
                await searches.CreateAsync(UserIds.Require(http), input, ct) is { } s
                    ? (IResult)ApiResults.Created(SavedSearchDto.From(s))
                    : ApiResults.Error(409, $"You already have {ManageSavedSearches.MaxPerUser} saved searches; delete one first"))
           .Validate<SavedSearchInput>()
           .WithSummary("Saves a search; with alerts on, it is polled on Upwork while Upwork is connected");
        api.MapPut("/saved-searches/{id:guid}", async (Guid id, HttpContext http, SavedSearchInput input, ManageSavedSearches searches, CancellationToken ct) =>
                await searches.UpdateAsync(UserIds.Require(http), id, input, ct) is { } s
                    ? (IResult)ApiResults.Ok(SavedSearchDto.From(s))
                    : await NotYoursAsync(searches, http, id, ct))
           .Validate<SavedSearchInput>()
           .WithSummary("Changes one of your saved searches (a search shared with you is read-only: 403)");
        api.MapDelete("/saved-searches/{id:guid}", async (Guid id, HttpContext http, ManageSavedSearches searches, CancellationToken ct) =>
                await searches.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { deleted = true }) : await NotYoursAsync(searches, http, id, ct))
           .WithSummary("Deletes one of your saved searches (a search shared with you is read-only: 403)");
        api.MapPut("/saved-searches/{id:guid}/shared", async (Guid id, ShareRequest request, HttpContext http, ManageSavedSearches searches, CancellationToken ct) =>
                await searches.SetSharedAsync(UserIds.Require(http), id, request.Shared, ct) is { } s
                    ? (IResult)ApiResults.Ok(SavedSearchDto.From(s), s.IsShared ? "Shared with the team" : "No longer shared")
                    : ApiResults.NotFound($"Saved search {id} was not found"))
           .RequireAuthorization(Permissions.Admin)
           .WithSummary("Admin only: shares one of your saved searches with the team (members see it read-only and may follow it)");
        return api;
    }

    public static RouteGroupBuilder MapFollowSavedSearches(this RouteGroupBuilder api)
    {
        api.MapPost("/saved-searches/{id:guid}/follow", async (Guid id, HttpContext http, ManageSavedSearches searches, CancellationToken ct) =>
                await searches.FollowAsync(UserIds.Require(http), id, true, ct) ? (IResult)ApiResults.Ok(new { following = true }) : ApiResults.NotFound($"Shared search {id} was not found"))
           .WithSummary("Follows a search shared with the team: its matches alert you too").OwnAccount();
        api.MapDelete("/saved-searches/{id:guid}/follow", async (Guid id, HttpContext http, ManageSavedSearches searches, CancellationToken ct) =>
                await searches.FollowAsync(UserIds.Require(http), id, false, ct) ? (IResult)ApiResults.Ok(new { following = false }) : ApiResults.NotFound($"Shared search {id} was not found"))
           .WithSummary("Stops following a shared search").OwnAccount();
        return api;
    }

    /// <summary>403 for a search shared with the caller (visible, not theirs to change), 404 for anything else.</summary>
    private static async Task<IResult> NotYoursAsync(ManageSavedSearches searches, HttpContext http, Guid id, CancellationToken ct) =>
        await searches.IsReadOnlyForAsync(UserIds.Require(http), id, ct)
            ? ApiResults.Error(StatusCodes.Status403Forbidden, "This search is shared with the team; only its owner can change it")
            : ApiResults.NotFound($"Saved search {id} was not found");
}
