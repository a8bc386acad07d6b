using Contracts.Identity;
using Contracts.Upwork;
using Contracts.Upwork.Events;
using FluentValidation;
using Modules.Upwork.Claims;
using Modules.Upwork.Features.AlertChannels;
using Modules.Upwork.Features.Alerts;
using Modules.Upwork.Features.BrowseJobPostings;
using Modules.Upwork.Features.ClaimJobs;
using Modules.Upwork.Features.Compliance;
using Modules.Upwork.Features.ConnectUpwork;
using Modules.Upwork.Features.DemoFeed;
using Modules.Upwork.Features.ManageSavedSearches;
using Modules.Upwork.Features.MatchJobPostings;
using Modules.Upwork.Features.PasteJobPosting;
using Modules.Upwork.Features.PurgeExpiredJobPostings;
using Modules.Upwork.Features.ReceiveWebhook;
using Modules.Upwork.Features.ReviewProposals;
using Modules.Upwork.Features.SaveJobs;
using Modules.Upwork.Features.ShareConnection;
using Modules.Upwork.Features.ShowJobPosting;
using Modules.Upwork.Features.ShowRedFlags;
using Modules.Upwork.Features.SyncJobPostings;
using Modules.Upwork.Features.TrackProposals;
using Modules.Upwork.Features.UpworkDoctor;
using Modules.Upwork.Integrations;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Postings;
using Modules.Upwork.RedFlags;
using Modules.Upwork.Reviews;
using Shared.Events;
using Shared.Jobs;

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
        services.AddTransient<ReviewGate>().AddTransient<ReviewQueue>().AddTransient<IProposalReviews, ProposalReviews>();
        services.AddTransient<IValidator<SendForReview>, SendForReviewValidator>().AddTransient<IValidator<ReviewDecision>, ReviewDecisionValidator>();
        services.AddEventHandler<ProposalsChanged, MarkReviewSent>();

        services.AddTransient<BrowseJobPostings>().AddTransient<SearchJobPostings>().AddTransient<ShowJobPosting>().AddTransient<JobCursor>().AddTransient<IValidator<JobPostingQuery>, JobPostingQueryValidator>();
        services.AddPostingsStorage();
        services.AddTransient<IngestJobPostings>().AddTransient<SyncJobPostings>().AddTransient<PurgeExpiredJobPostings>().AddTransient<DemoFeed>();
        services.AddTransient<IUpworkConnectionState, UpworkConnectionState>().AddTransient<UpworkDoctor>();
        services.AddTransient<ConnectUpwork>().AddTransient<DisconnectUpwork>().AddTransient<SetUpworkPolling>().AddTransient<ShowConnection>().AddTransient<ShareConnection>().AddTransient<ImportUpworkProfile>();
        services.AddTransient<ManageSavedSearches>().AddTransient<IValidator<SavedSearchInput>, SavedSearchInputValidator>();
        services.AddTransient<PasteJobPosting>().AddTransient<IValidator<PasteRequest>, PasteRequestValidator>().AddTransient<IValidator<PastedJobPosting>, PastedJobPostingValidator>();
        services.AddTransient<ReceiveWebhook>().AddTransient<ManageWebhookSources>().AddTransient<IValidator<NewWebhookSource>, NewWebhookSourceValidator>();
        services.AddTransient<IUpworkRetention, UpworkRetention>().AddTransient<SavedJobs>();
        services.AddTransient<IUpworkJobs, UpworkJobs>().AddTransient<IUpworkProposals, UpworkProposals>().AddTransient<IJobScreeningQuestions, UpworkJobScreeningQuestions>().AddTransient<IUpworkActivity, UpworkActivity>()
            .AddTransient<ITeamActivity, TeamActivityReader>();
        services.AddTransient<IUpworkOperations, UpworkOperations>();
        services.AddTransient<ShowCompliance>();
        services.AddTransient<JobRedFlags>().AddTransient<IJobRedFlags>(sp => sp.GetRequiredService<JobRedFlags>());
        services.AddTransient<Contracts.Identity.IPersonalDataContributor, UpworkPersonalData>();
        services.AddTransient<Contracts.Identity.ISealedColumns, Data.UpworkSealedColumns>();
        services.AddSingleton<SearchMatcher>().AddTransient<ManageAlerts>().AddTransient<ExplainMatch>().AddTransient<IAlertFeed, AlertFeed>();
        services.AddEventHandler<JobPostingDiscovered, MatchNewJobPosting>();
        services.AddEventHandler<JobPostingsReachedUser, MatchNewJobPosting>();
        services.AddEventHandler<JobPostingUpdated, ForgetChangedJobPosting>();
        services.AddEventHandler<JobPostingUpdated, NotifyJobUpdated>();
        services.AddTransient<ManageProposals>().AddTransient<IValidator<ProposalInput>, ProposalInputValidator>().AddTransient<IValidator<ProposalListQuery>, ProposalListQueryValidator>().AddTransient<RemindFollowUps>();
        services.AddTransient<SyncProposalStatuses>().AddTransient<SubmitProposal>().AddTransient<ScreeningQuestions>().AddTransient<AnnounceProposalMoves>();
        services.AddAlertChannels();
        // MCP tools, each next to the REST route it mirrors (docs/mcp.md).
        services.AddMcpServer().WithTools<BrowseJobPostingsTools>().WithPrompts<BrowseJobPostingsTools.Prompts>().WithTools<ShowJobPostingTools>()
            .WithTools<ExplainMatchTools>().WithTools<ManageSavedSearchesTools>().WithTools<TrackProposalsTools>().WithTools<Features.ShowRedFlags.RedFlagsTools>();

        services.AddRecurringJob<RemindFollowUpsJob>(RemindFollowUpsJob.Key, TimeSpan.FromMinutes(1));
        services.AddRecurringJob<SyncProposalStatusesJob>(SyncProposalStatusesJob.Key, TimeSpan.FromMinutes(30));
        services.AddRecurringJob<SyncJobPostingsJob>(SyncJobPostingsJob.Key, upwork.SchedulerTick);
        services.AddRecurringJob<PurgeExpiredJobPostingsJob>(PurgeExpiredJobPostingsJob.Key, TimeSpan.FromMinutes(10));
        services.AddRecurringJob<DemoFeedJob>(DemoFeedJob.Key, upwork.Demo.Interval);
        services.AddRecurringJob<PurgeCallLogJob>(PurgeCallLogJob.Key, "0 17 3 * * ?");   // daily, 03:17 UTC
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
