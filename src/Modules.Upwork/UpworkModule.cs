using Contracts.Identity;
using Contracts.Upwork;
using FluentValidation;
using Microsoft.Extensions.Http.Resilience;
using Contracts.Upwork.Events;
using Modules.Upwork.Features.AlertChannels;
using Modules.Upwork.Features.Alerts;
using Modules.Upwork.Features.BrowseJobPostings;
using Modules.Upwork.Features.MatchJobPostings;
using Shared.Events;
using Modules.Upwork.Features.ConnectUpwork;
using Modules.Upwork.Features.DemoFeed;
using Modules.Upwork.Features.Ingest;
using Modules.Upwork.Features.ManageSavedSearches;
using Modules.Upwork.Features.PasteJobPosting;
using Modules.Upwork.Features.PurgeExpiredJobPostings;
using Modules.Upwork.Features.SaveJobs;
using Modules.Upwork.Features.ReceiveWebhook;
using Modules.Upwork.Features.ShareConnection;
using Modules.Upwork.Features.ShowJobPosting;
using Modules.Upwork.Features.SyncJobPostings;
using Modules.Upwork.Features.TrackProposals;
using Modules.Upwork.Features.UpworkDoctor;
using Modules.Upwork.Integrations;
using Modules.Upwork.Integrations.UpworkApi;
using Polly;
using Shared.Jobs;
using Shared.Live;

namespace Modules.Upwork;

/// <summary>Entry point of the Upwork module; the only public non-component type in it.</summary>
public static class UpworkModule
{
    /// <summary>Adds options, the Upwork API clients, slice handlers, contract implementations and background jobs.</summary>
    public static IHostApplicationBuilder AddUpworkModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<UpworkOptions>().BindConfiguration(UpworkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var upwork = builder.Configuration.GetSection(UpworkOptions.Section).Get<UpworkOptions>() ?? new UpworkOptions();

        services.TryAddSingletonTimeProvider();
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{RedisOptions.Section}:Connection"]))
            services.AddSingleton<IUpworkRateGate, InMemoryRateGate>();
        else
            services.AddSingleton<IUpworkRateGate, RedisRateGate>();
        services.AddTransient<UpworkPacingHandler>();
        services.AddHttpClient<UpworkOAuthClient>(ConfigureHttp).AddUpworkResilience(upwork).AddHttpMessageHandler<UpworkPacingHandler>();
        services.AddHttpClient<UpworkGraphQlClient>(ConfigureHttp).AddUpworkResilience(upwork).AddHttpMessageHandler<UpworkPacingHandler>();
        services.AddTransient<UpworkAccounts>().AddTransient<UpworkDoctor>();

        services.AddTransient<BrowseJobPostings>().AddTransient<ShowJobPosting>().AddTransient<JobCursor>();
        services.AddTransient<IngestJobPostings>().AddTransient<SyncJobPostings>().AddTransient<PurgeExpiredJobPostings>().AddTransient<DemoFeed>();
        services.AddTransient<IUpworkConnectionState, UpworkConnectionState>();
        services.AddTransient<ConnectUpwork>().AddTransient<ShowConnection>().AddTransient<ShareConnection>().AddTransient<ManageSavedSearches>().AddTransient<ImportUpworkProfile>();
        services.AddTransient<PasteJobPosting>().AddTransient<ReceiveWebhook>().AddTransient<ManageWebhookSources>();
        services.AddTransient<IValidator<JobPostingQuery>, JobPostingQueryValidator>();
        services.AddTransient<IValidator<SavedSearchInput>, SavedSearchInputValidator>();
        services.AddTransient<IValidator<PasteRequest>, PasteRequestValidator>();
        services.AddTransient<IValidator<PastedJob>, PastedJobValidator>();
        services.AddTransient<IValidator<NewWebhookSource>, NewWebhookSourceValidator>();
        services.AddTransient<IUpworkRetention, UpworkRetention>().AddTransient<SavedJobs>();
        services.AddTransient<IUpworkJobs, UpworkJobs>().AddTransient<IUpworkProposals, UpworkProposals>().AddTransient<IUpworkActivity, UpworkActivity>();
        services.AddTransient<Contracts.Identity.IPersonalDataContributor, UpworkPersonalData>();
        services.AddTransient<Contracts.Identity.ISealedColumns, Data.UpworkSealedColumns>();
        services.AddSingleton<SearchMatcher>().AddTransient<ManageAlerts>().AddTransient<ExplainMatch>().AddTransient<IAlertFeed, AlertFeed>();
        services.AddEventHandler<JobPostingDiscovered, MatchNewJobPosting>();
        services.AddEventHandler<JobPostingsReachedUser, MatchNewJobPosting>();
        services.AddEventHandler<JobPostingUpdated, ForgetChangedJob>();
        services.AddEventHandler<JobPostingUpdated, NotifyJobUpdated>();
        services.AddTransient<ManageProposals>().AddTransient<IValidator<ProposalInput>, ProposalInputValidator>().AddTransient<IValidator<ProposalListQuery>, ProposalListQueryValidator>().AddTransient<RemindFollowUps>();
        services.AddRecurringJob<RemindFollowUpsJob>(RemindFollowUpsJob.Key, TimeSpan.FromMinutes(1));
        services.AddTransient<SyncProposalStatuses>().AddTransient<SubmitProposal>().AddTransient<ScreeningQuestions>().AddTransient<AnnounceProposalMoves>();
        services.AddOptions<AlertChannelOptions>().BindConfiguration(AlertChannelOptions.Section);
        services.AddOptions<UpworkLimits>().BindConfiguration(UpworkLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<ManageAlertChannels>().AddTransient<DeliverAlerts>().AddTransient<IValidator<NewAlertChannel>, NewAlertChannelValidator>();
        // No automatic redirects: a receiver cannot bounce an alert (or a Telegram token in the path) somewhere else.
        services.AddHttpClient(DeliverAlerts.HttpClientName, h => h.Timeout = TimeSpan.FromSeconds(10))
            // The address is checked when connecting, not only when the channel was saved: a name that later resolves
            // to a private address (DNS rebinding) is refused too. No system proxy: it would connect on our behalf.
            .ConfigurePrimaryHttpMessageHandler(sp => Shared.Net.OutboundAddressGuard.GuardedHandler(
                () => sp.GetRequiredService<IOptions<AlertChannelOptions>>().Value.AllowPrivateTargets, "alert targets must be public."));
        services.AddRecurringJob<DeliverAlertsJob>(DeliverAlertsJob.Key, TimeSpan.FromSeconds(15));
        services.AddRecurringJob<SyncProposalStatusesJob>(SyncProposalStatusesJob.Key, TimeSpan.FromMinutes(30));

        services.AddRecurringJob<SyncJobPostingsJob>(SyncJobPostingsJob.Key, upwork.SchedulerTick);
        services.AddRecurringJob<PurgeExpiredJobPostingsJob>(PurgeExpiredJobPostingsJob.Key, TimeSpan.FromMinutes(10));
        services.AddRecurringJob<DemoFeedJob>(DemoFeedJob.Key, upwork.Demo.Interval);
        return builder;
    }

    /// <summary>Maps <c>/api/v1/upwork</c> and the OAuth browser routes; pages are found through the host's module list.</summary>
    public static IEndpointRouteBuilder MapUpworkModule(this IEndpointRouteBuilder app)
    {
        // Browser routes of the OAuth flow (not API: they answer with redirects).
        app.MapGet("/upwork/connect", (HttpContext http, ConnectUpwork connect) => connect.Start(http, ConnectUpwork.Modes.Connect))
           .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/upwork/signin", (HttpContext http, ConnectUpwork connect) => connect.Start(http, ConnectUpwork.Modes.SignIn))
           .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/upwork/callback", (HttpContext http, ConnectUpwork connect, string? code, string? state, string? error, CancellationToken ct) =>
                connect.CallbackAsync(http, code, state, error, ct))
           .AllowAnonymous().ExcludeFromDescription();

        var api = app.MapApiGroup("upwork", "Upwork").RequireAuthorization();
        api.AddEndpointFilter(UpworkApiErrors.FilterAsync);
        api.MapGet("/jobs", async ([AsParameters] JobPostingQuery query, HttpContext http, BrowseJobPostings browse, CancellationToken ct) =>
                ApiResults.Ok(await browse.RunAsync(query, UserIds.Require(http), ct)))
           .Validate<JobPostingQuery>()
           .WithSummary("Lists stored job postings, newest first (or by relevance or fit); page newest-first lists with cursor=nextCursor, the others with offset");
        api.MapGet("/jobs/{id:guid}", async (Guid id, HttpContext http, ShowJobPosting show, CancellationToken ct) =>
                await show.RunAsync(id, UserIds.Require(http), ct) is { } job ? (IResult)ApiResults.Ok(job) : ApiResults.NotFound($"Job posting {id} was not found"))
           .WithSummary("One job posting with its description");
        api.MapPost("/jobs/paste/preview", (PasteRequest request) => ApiResults.Ok(JobTextExtractor.Extract(request.Url, request.Text)))
           .Validate<PasteRequest>()
           .WithSummary("Extracts title, budget, type, level and skills from a pasted Upwork job (URL and/or text), for editing");
        api.MapPost("/jobs/paste", async (PastedJob job, HttpContext http, PasteJobPosting paste, CancellationToken ct) =>
                ApiResults.Created(new { id = await paste.RunAsync(UserIds.Require(http), job, ct) }, "Job saved"))
           .Validate<PastedJob>()
           .WithSummary("Stores a pasted job (no Upwork key needed)");

        api.MapPost("/jobs/{id:guid}/save", async (Guid id, HttpContext http, SavedJobs saved, CancellationToken ct) =>
                await saved.SaveAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { saved = true }, "Job saved") : ApiResults.NotFound($"Job posting {id} was not found"))
           .WithSummary("Saves a job; after Upwork's 24-hour retention only its reference stays (Upwork id, URL, title)");
        api.MapDelete("/jobs/{id:guid}/save", async (Guid id, HttpContext http, SavedJobs saved, CancellationToken ct) =>
                await saved.UnsaveAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { saved = false }, "Job unsaved") : ApiResults.NotFound($"Job posting {id} is not saved"))
           .WithSummary("Unsaves a job");
        api.MapGet("/saved-jobs", async (HttpContext http, SavedJobs saved, CancellationToken ct) => ApiResults.Ok(await saved.ListAsync(UserIds.Require(http), ct)))
           .WithSummary("Your saved jobs, newest first; a job whose details expired under Upwork's terms shows only its reference and a link to Upwork");

        api.MapGet("/connection", async (HttpContext http, ShowConnection show, CancellationToken ct) =>
                ApiResults.Ok(await show.RunAsync(UserIds.Require(http), ct)))
           .WithSummary("The Upwork connection: account, organization, token health, last sync, searches");
        api.MapDelete("/connection", async (HttpContext http, UpworkAccounts accounts, ShareConnection shares, CancellationToken ct) =>
            {
                var userId = UserIds.Require(http);
                if (!await accounts.DisconnectAsync(userId, ct)) return ApiResults.NotFound("No Upwork account is connected");
                await shares.RevokeAllAsync(userId, ct);   // teammates saw jobs through this connection: no longer
                return (IResult)ApiResults.Ok(new { disconnected = true }, "Upwork disconnected");
            })
           .WithSummary("Disconnects Upwork, deletes the stored tokens and ends every share of the connection");

        api.MapGet("/connection/shares", async (HttpContext http, ShareConnection shares, CancellationToken ct) =>
                ApiResults.Ok(await shares.ListAsync(UserIds.Require(http), ct)))
           .RequireAuthorization(p => p.RequireRole(Roles.Admin))
           .WithSummary("Admin only: the teammates your Upwork connection is shared with, and the members you could share it with");
        api.MapPut("/connection/shares/{memberId:guid}", async (Guid memberId, HttpContext http, ShareConnection shares, CancellationToken ct) =>
                await shares.ShareAsync(UserIds.Require(http), memberId, ct) switch
                {
                    { Status: 201, Share: { } s } => (IResult)ApiResults.Created(s, "Connection shared"),
                    { Status: 200, Share: { } s } => ApiResults.Ok(s, "Already shared"),
                    { Status: 404 } o => ApiResults.NotFound(o.Error!),
                    { Status: 400 } o => ApiResults.ValidationFailed([new ApiFieldError("memberId", o.Error!)]),
                    var o => ApiResults.Error(o.Status, o.Error!),
                })
           .RequireAuthorization(p => p.RequireRole(Roles.Admin))
           .WithSummary("Admin only: shares your Upwork connection with a teammate, who then sees every job it fetched (audited)");
        api.MapDelete("/connection/shares/{memberId:guid}", async (Guid memberId, HttpContext http, ShareConnection shares, CancellationToken ct) =>
                await shares.RevokeAsync(UserIds.Require(http), memberId, ct)
                    ? (IResult)ApiResults.Ok(new { revoked = true }, "No longer shared")
                    : ApiResults.NotFound($"Your connection is not shared with {memberId}"))
           .RequireAuthorization(p => p.RequireRole(Roles.Admin))
           .WithSummary("Admin only: stops sharing your Upwork connection with a teammate; they no longer see its jobs (audited)");

        api.MapPost("/connection/import-profile", async (HttpContext http, ImportUpworkProfile import, CancellationToken ct) =>
            {
                try
                {
                    var profile = await import.RunAsync(UserIds.Require(http), ct);
                    return (IResult)ApiResults.Ok(new { profile.Id, profile.Title, profile.Skills, profile.HourlyRate }, "Upwork profile imported");
                }
                catch (UpworkNotConnectedException) { return ApiResults.Error(409, "Connect Upwork first"); }
                catch (UpworkReconnectRequiredException ex) { return ApiResults.Error(409, ex.Message); }
                catch (UpworkPermissionException) { return ApiResults.Error(403, "The Upwork key lacks the Freelancer Profile permission"); }
                catch (UpworkBudgetExhaustedException ex) { return ApiResults.Error(429, ex.Message); }
                catch (UpworkRateLimitedException ex) { return ApiResults.Error(429, ex.Message); }
                catch (Exception ex) when (ex is not OperationCanceledException) { return ApiResults.Error(502, "Upwork did not answer as expected; try again in a minute"); }
            })
           .WithSummary("Imports the connected Upwork freelancer profile into a profile (title, overview, skills, rate)");
        api.MapGet("/jobs/{id:guid}/explain", async (Guid id, Guid? savedSearchId, HttpContext http, ExplainMatch explain, CancellationToken ct) =>
                await explain.RunAsync(UserIds.Require(http), id, savedSearchId, ct) is { } result
                    ? (IResult)ApiResults.Ok(result)
                    : ApiResults.NotFound(savedSearchId is null ? $"Job posting {id} was not found" : $"Job posting {id} or saved search {savedSearchId} was not found"))
           .WithSummary("Why a job does or does not match each of your saved searches, criterion by criterion");
        api.MapGet("/notifications", async (bool? unreadOnly, int? limit, HttpContext http, ManageAlerts alerts, CancellationToken ct) =>
                ApiResults.Ok(await alerts.ListAsync(UserIds.Require(http), unreadOnly ?? false, limit ?? 50, ct)))
           .WithSummary("Your alert queue, newest first, with the unread count (alerts missed while away are here)");
        api.MapPost("/notifications/{id:guid}/read", async (Guid id, HttpContext http, ManageAlerts alerts, CancellationToken ct) =>
                await alerts.MarkReadAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { read = true }) : ApiResults.NotFound($"Notification {id} was not found"))
           .WithSummary("Marks one alert read");
        api.MapPost("/notifications/read-all", async (HttpContext http, ManageAlerts alerts, CancellationToken ct) =>
                ApiResults.Ok(new { marked = await alerts.MarkAllReadAsync(UserIds.Require(http), ct) }))
           .WithSummary("Marks every alert read");
        api.MapGet("/alert-preferences", async (HttpContext http, ManageAlerts alerts, CancellationToken ct) =>
                ApiResults.Ok(await alerts.GetPreferencesAsync(UserIds.Require(http), ct)))
           .WithSummary("How you want in-app alerts: playSound (a short sound with the toast of a new matching job)");
        api.MapPut("/alert-preferences", async (AlertPreferencesDto preferences, HttpContext http, ManageAlerts alerts, CancellationToken ct) =>
                ApiResults.Ok(await alerts.SetPreferencesAsync(UserIds.Require(http), preferences, ct)))
           .WithSummary("Changes your in-app alert preferences");
        api.MapGet("/proposals", async ([AsParameters] ProposalListQuery query, HttpContext http, ManageProposals proposals, CancellationToken ct) =>
                ApiResults.Ok(await proposals.ListAsync(UserIds.Require(http), query.Status, ct, query.Limit ?? ProposalListQuery.MaxLimit, query.Offset ?? 0)))
           .Validate<ProposalListQuery>()
           .WithSummary("Your proposals, most recently changed first, optionally one status; limit (1-500, default 500) and offset page them");
        api.MapGet("/proposals/{id:guid}", async (Guid id, HttpContext http, ManageProposals proposals, CancellationToken ct) =>
                await proposals.GetAsync(UserIds.Require(http), id, ct) is { } p ? (IResult)ApiResults.Ok(p) : ApiResults.NotFound($"Proposal {id} was not found"))
           .WithSummary("One proposal with its status history");
        api.MapPost("/proposals", async (ProposalInput input, HttpContext http, ManageProposals proposals, CancellationToken ct) =>
            {
                var (proposal, jobMissing) = await proposals.CreateAsync(UserIds.Require(http), input, ct);
                return jobMissing
                    ? (IResult)ApiResults.ValidationFailed([new ApiFieldError("jobPostingId", $"job posting {input.JobPostingId} was not found")])
                    : ApiResults.Created(proposal!);
            })
           .Validate<ProposalInput>()
           .WithSummary("Creates a proposal (a draft unless a status is given) for a job you can see");
        api.MapPut("/proposals/{id:guid}", async (Guid id, ProposalInput input, HttpContext http, ManageProposals proposals, CancellationToken ct) =>
            {
                var outcome = await proposals.UpdateAsync(UserIds.Require(http), id, input, ct);
                if (outcome.Missing) return (IResult)ApiResults.NotFound($"Proposal {id} was not found");
                return outcome.Error is { } error ? ApiResults.ValidationFailed([new ApiFieldError("status", error)]) : ApiResults.Ok(outcome.Proposal!);
            })
           .Validate<ProposalInput>()
           .WithSummary("Changes a proposal; a status change must follow the pipeline and is kept in its history");
        api.MapGet("/proposals/{id:guid}/screening-questions", async (Guid id, HttpContext http, ScreeningQuestions screening, CancellationToken ct) =>
            {
                var (questions, failure) = await screening.LoadAsync(UserIds.Require(http), id, ct);
                return questions is not null ? (IResult)ApiResults.Ok(questions) : failure!.ToResult(http);
            })
           .WithSummary("The job's screening questions, read live from Upwork, with draft answers from the offline writer (your proposal only)");
        api.MapPost("/proposals/{id:guid}/submit", async (Guid id, SubmitRequest request, HttpContext http, SubmitProposal submit, CancellationToken ct) =>
            {
                var outcome = await submit.RunAsync(UserIds.Require(http), id, request, ct);
                UpworkFailure.SetRetryAfter(http, outcome.RetryAfter);
                return outcome switch
                {
                    { Status: 200 } => (IResult)ApiResults.Ok(outcome.Proposal!, outcome.Message),
                    { Status: 400 } => ApiResults.ValidationFailed([new ApiFieldError(outcome.Field!, outcome.Message)]),
                    { Status: 404 } => ApiResults.NotFound($"Proposal {id} was not found"),
                    _ => ApiResults.Error(outcome.Status, outcome.Message),
                };
            })
           .WithSummary("Submits a draft through Upwork with answers to the job's screening questions (needs confirm: true; spends Connects; claimed once, never retried; daily cap; audited)");
        api.MapDelete("/proposals/{id:guid}", async (Guid id, HttpContext http, ManageProposals proposals, CancellationToken ct) =>
                await proposals.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { deleted = true }) : ApiResults.NotFound($"Proposal {id} was not found"))
           .WithSummary("Deletes a proposal and its history");
        api.MapGet("/alert-channels", async (HttpContext http, ManageAlertChannels channels, CancellationToken ct) =>
                ApiResults.Ok(await channels.ListAsync(UserIds.Require(http), ct)))
           .WithSummary("Where your alerts are also delivered, with the last delivery and the last error");
        api.MapPost("/alert-channels", async (NewAlertChannel input, HttpContext http, ManageAlertChannels channels, CancellationToken ct) =>
                await channels.CreateAsync(UserIds.Require(http), input, ct) switch
                {
                    { Channel: { } created } => (IResult)ApiResults.Created(created, created.AwaitingConfirmation ? "Follow the link mailed to the address to start e-mail alerts" : "Created"),
                    var refused => LimitReached("kind", refused.Error!),
                })
           .Validate<NewAlertChannel>()
           .WithSummary("Adds a Slack, Discord, Telegram, signed-webhook or e-mail channel for your alerts (an e-mail address gets nothing until it follows the link mailed to it; at most Upwork:Limits:AlertChannelsPerUser)");
        api.MapDelete("/alert-channels/{id:guid}", async (Guid id, HttpContext http, ManageAlertChannels channels, CancellationToken ct) =>
                await channels.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { deleted = true }) : ApiResults.NotFound($"Alert channel {id} was not found"))
           .WithSummary("Removes an alert channel and its pending deliveries");
        api.MapGet("/saved-searches", async (HttpContext http, ManageSavedSearches searches, CancellationToken ct) =>
                ApiResults.Ok(await searches.ListVisibleAsync(UserIds.Require(http), ct)))
           .WithSummary("Your saved searches, then those an admin shared with the team (readOnly, with following)");
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
           .RequireAuthorization(p => p.RequireRole(Roles.Admin))
           .WithSummary("Admin only: shares one of your saved searches with the team (members see it read-only and may follow it)");
        api.MapUpworkDoctor(Roles.Admin);
        api.MapPost("/saved-searches/{id:guid}/follow", async (Guid id, HttpContext http, ManageSavedSearches searches, CancellationToken ct) =>
                await searches.FollowAsync(UserIds.Require(http), id, true, ct) ? (IResult)ApiResults.Ok(new { following = true }) : ApiResults.NotFound($"Shared search {id} was not found"))
           .WithSummary("Follows a search shared with the team: its matches alert you too");
        api.MapDelete("/saved-searches/{id:guid}/follow", async (Guid id, HttpContext http, ManageSavedSearches searches, CancellationToken ct) =>
                await searches.FollowAsync(UserIds.Require(http), id, false, ct) ? (IResult)ApiResults.Ok(new { following = false }) : ApiResults.NotFound($"Shared search {id} was not found"))
           .WithSummary("Stops following a shared search");

        api.MapGet("/webhook-sources", async (HttpContext http, ManageWebhookSources sources, CancellationToken ct) =>
                ApiResults.Ok(await sources.ListAsync(UserIds.Require(http), ct)))
           .WithSummary("The user's inbound webhook sources");
        api.MapPost("/webhook-sources", async (HttpContext http, NewWebhookSource input, ManageWebhookSources sources, IOptions<UpworkLimits> limits, CancellationToken ct) =>
                await sources.CreateAsync(UserIds.Require(http), input.Name, ct) is { } created
                    ? (IResult)ApiResults.Created(created, "Copy the secret now: it is not shown again")
                    : LimitReached("name", $"You already have {limits.Value.WebhookSourcesPerUser} webhook sources (the limit, Upwork:Limits:WebhookSourcesPerUser); delete one first"))
           .Validate<NewWebhookSource>()
           .WithSummary("Creates a webhook source and returns its signing secret once");
        api.MapDelete("/webhook-sources/{id:guid}", async (Guid id, HttpContext http, ManageWebhookSources sources, CancellationToken ct) =>
                await sources.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { deleted = true }) : ApiResults.NotFound($"Webhook source {id} was not found"))
           .WithSummary("Deletes a webhook source; its URL stops accepting events");

        // The link mailed to a new e-mail channel's address: the token is the authentication (single use, expiring).
        app.MapGet(ManageAlertChannels.ConfirmPath, async (string? token, ManageAlertChannels channels, CancellationToken ct) =>
                await channels.ConfirmAsync(token, ct)
                    ? Results.Text("This address is confirmed: job alerts will be mailed to it.", "text/plain; charset=utf-8")
                    : Results.Text("This link is not valid: it was already used, has expired, or the channel was deleted.", "text/plain; charset=utf-8", statusCode: 404))
           .AllowAnonymous().ExcludeFromDescription();

        // Signed by the sender, not signed in: the HMAC is the authentication.
        app.MapApiGroup("upwork/webhooks", "Upwork webhooks").AllowAnonymous()
           .MapPost("/{sourceId:guid}", (Guid sourceId, HttpRequest request, ReceiveWebhook receive, CancellationToken ct) => receive.RunAsync(sourceId, request, ct))
           .WithSummary("Inbound job events (job.created, job.updated, proposal.updated), HMAC-SHA256 signed");
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

    /// <summary>409 in the envelope, naming the field, when a per-user limit (<see cref="UpworkLimits"/>) or a precondition refuses a create.</summary>
    private static IResult LimitReached(string field, string message) => ApiResults.Error(StatusCodes.Status409Conflict, message, [new ApiFieldError(field, message)]);

    /// <summary>403 for a search shared with the caller (visible, not theirs to change), 404 for anything else.</summary>
    private static async Task<IResult> NotYoursAsync(ManageSavedSearches searches, HttpContext http, Guid id, CancellationToken ct) =>
        await searches.IsReadOnlyForAsync(UserIds.Require(http), id, ct)
            ? ApiResults.Error(StatusCodes.Status403Forbidden, "This search is shared with the team; only its owner can change it")
            : ApiResults.NotFound($"Saved search {id} was not found");

    private static void ConfigureHttp(HttpClient http)
    {
        http.Timeout = Timeout.InfiniteTimeSpan;   // the resilience pipeline owns timeouts (per attempt and in total)
        http.DefaultRequestHeaders.UserAgent.ParseAdd("UpworkAIAssistant/1.0");
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// Retries with exponential backoff and jitter on 5xx, timeouts and Upwork's "Transform timeout" (a 200 with that
    /// error); a circuit breaker; a timeout per attempt. A 429 is never retried: <see cref="UpworkPacingHandler"/> pauses
    /// every request for at least a minute and ends the call. Calls marked <see cref="UpworkRequest.NoRetry"/> (proposal
    /// submission) are sent exactly once.
    /// </summary>
    private static IHttpClientBuilder AddUpworkResilience(this IHttpClientBuilder http, UpworkOptions o)
    {
        http.AddResilienceHandler("upwork", pipeline =>
        {
            pipeline.AddTimeout(TimeSpan.FromSeconds(o.RequestTimeout.TotalSeconds * (o.MaxRetries + 2) + 60));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, o.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = true,
                ShouldHandle = async args =>
                {
                    if (o.MaxRetries == 0) return false;
                    // The request, not the response: a submission that timed out (no response) must not be sent again either.
                    if (args.Context.GetRequestMessage()?.Options.TryGetValue(UpworkRequest.NoRetry, out _) == true) return false;
                    if (args.Outcome.Exception is UpworkRateLimitedException || args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests) return false;
                    if (HttpClientResiliencePredicates.IsTransient(args.Outcome)) return true;
                    return args.Outcome.Result is { StatusCode: System.Net.HttpStatusCode.OK } response
                           && await IsTransformTimeoutAsync(response, args.Context.CancellationToken);
                },
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.8,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = TimeSpan.FromSeconds(30),
            });
            // The per-attempt timeout lives in UpworkPacingHandler, after the wait for a rate slot: waiting is not failing.
        });
        return http;
    }

    private static async Task<bool> IsTransformTimeoutAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.RequestMessage?.RequestUri?.AbsolutePath.EndsWith("/graphql", StringComparison.OrdinalIgnoreCase) != true) return false;
        await response.Content.LoadIntoBufferAsync(ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Contains("Transform timeout", StringComparison.OrdinalIgnoreCase);
    }
}
