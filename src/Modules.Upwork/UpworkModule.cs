using Contracts.Identity;
using Contracts.Upwork;
using Modules.Upwork.Claims;
using Modules.Upwork.Features.BrowseJobPostings;
using Modules.Upwork.Features.ClaimJobs;
using Modules.Upwork.Features.ConnectUpwork;
using Modules.Upwork.Features.DiagnoseUpwork;
using Modules.Upwork.Features.GenerateDemoPostings;
using Modules.Upwork.Features.ManageAlertChannels;
using Modules.Upwork.Features.ManageAlerts;
using Modules.Upwork.Features.ManageSavedSearches;
using Modules.Upwork.Features.MatchJobPostings;
using Modules.Upwork.Features.PasteJobPosting;
using Modules.Upwork.Features.PurgeExpiredJobPostings;
using Modules.Upwork.Features.ReceiveWebhook;
using Modules.Upwork.Features.ReviewProposals;
using Modules.Upwork.Features.SaveJobs;
using Modules.Upwork.Features.ShareConnection;
using Modules.Upwork.Features.ShowCompliance;
using Modules.Upwork.Features.ShowJobPosting;
using Modules.Upwork.Features.ShowRedFlags;
using Modules.Upwork.Features.SyncJobPostings;
using Modules.Upwork.Features.TrackProposals;
using Modules.Upwork.Integrations;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Postings;
using Modules.Upwork.RedFlags;
using Modules.Upwork.Reviews;

namespace Modules.Upwork;

/// <summary>Entry point of the Upwork module; the only public non-component type in it.</summary>
public static class UpworkModule
{
    /// <summary>Adds options, the Upwork API clients, slice handlers, contract implementations and background jobs.</summary>
    public static IHostApplicationBuilder AddUpworkModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var upwork = services.AddUpworkApi(builder.Configuration);
        services.AddOptions<UpworkLimits>().BindConfiguration(UpworkLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClaimOptions>().BindConfiguration(ClaimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<JobClaims>().AddTransient<IJobClaims>(sp => sp.GetRequiredService<JobClaims>());
        services.AddTransient<ReviewGate>().AddTransient<IProposalReviews, ProposalReviews>();
        services.AddPostingsStorage().AddTransient<IngestJobPostings>();
        services.AddTransient<IUpworkJobs, UpworkJobs>().AddTransient<IUpworkProposals, UpworkProposals>().AddTransient<IJobScreeningQuestions, UpworkJobScreeningQuestions>()
            .AddTransient<IUpworkActivity, UpworkActivity>().AddTransient<ITeamActivity, TeamActivityReader>().AddTransient<IUpworkOperations, UpworkOperations>();
        services.AddTransient<JobRedFlags>().AddTransient<IJobRedFlags>(sp => sp.GetRequiredService<JobRedFlags>());
        services.AddTransient<Contracts.Identity.IPersonalDataContributor, UpworkPersonalData>().AddTransient<Contracts.Identity.ISealedColumns, Data.UpworkSealedColumns>();
        // Each slice registers its own handlers, validators, MCP tools (next to the REST route each mirrors, docs/mcp.md) and jobs.
        services.AddBrowseJobPostings().AddShowJobPosting().AddPasteJobPosting().AddSaveJobs().AddSyncJobPostings(upwork.SchedulerTick)
            .AddPurgeExpiredJobPostings().AddDemoFeed(upwork.Demo.Interval).AddConnectUpwork().AddShareConnection().AddUpworkDoctor()
            .AddManageSavedSearches().AddMatchJobPostings().AddAlerts().AddAlertChannels().AddReceiveWebhook().AddTrackProposals()
            .AddReviewProposals().AddShowRedFlags().AddCompliance();
        return builder;
    }

    /// <summary>Maps <c>/api/v1/upwork</c> and the OAuth browser routes; pages are found through the host's module list.</summary>
    public static IEndpointRouteBuilder MapUpworkModule(this IEndpointRouteBuilder app)
    {
        app.MapConnectUpworkBrowserRoutes();

        // Reading needs any workspace role; every change needs Draft unless it only touches the caller's own notifications.
        var api = app.MapApiGroup("upwork", "Upwork").RequireAuthorization(Permissions.Read).RequireForChanges(Permissions.Draft);
        api.AddEndpointFilter(UpworkApiErrors.FilterAsync);
        api.MapBrowseJobPostings().MapShowJobPosting().MapPasteJobPosting().MapSaveJobs()
           .MapConnectUpwork().MapShareConnection().MapImportUpworkProfile()
           .MapExplainMatch().MapAlerts().MapTrackProposals().MapAlertChannels()
           .MapManageSavedSearches().MapUpworkDoctor().MapFollowSavedSearches()
           .MapWebhookSources().MapClaimJobs().MapRedFlags().MapCompliance()
           .MapReviewProposals();

        app.MapAlertChannelConfirmation();
        app.MapReceiveWebhook();
        return app;
    }

    /// <summary>
    /// <c>upwork-doctor [--user &lt;email&gt;] [--verbose]</c>: checks every type, field, argument and enum value our Upwork
    /// queries send against Upwork's live schema with a connected account (the first admin's by default) and prints
    /// what matches and what does not. Returns 0 when everything matches, 1 when something differs, 2 without a usable
    /// connection, 3 when the check could not finish, 64 on bad usage.
    /// </summary>
    public static Task<int> RunDoctorAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct = default) =>
        UpworkDoctorCommand.RunAsync(services, args, output, ct);
}
