using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using IntegrationTests.Ai;
using ModelContextProtocol;
using static IntegrationTests.Ai.AiTestData;

namespace IntegrationTests.Mcp;

/// <summary>
/// The MCP server at <c>/mcp</c> through the official C# MCP client over HTTP (issue 22): every tool against the route it
/// mirrors, scopes, ownership, revoked and expired tokens, the letter's cache, draft, progress and cancellation, and bad arguments.
/// </summary>
public abstract class McpServerTests(McpHarness mcp)
{
    private static readonly string[] Tools =
        ["search_jobs", "get_job", "explain_match", "analyze_job", "draft_cover_letter", "list_proposals", "update_proposal_status", "get_dashboard", "list_saved_searches", "red_flags"];

    [Fact]
    public async Task The_tools_prompts_and_profile_resources_are_listed()
    {
        var (user, _, _) = await mcp.ReadyAsync();
        await using var client = await mcp.ConnectAsync(user);

        var tools = await client.ListToolsAsync();
        tools.Select(t => t.Name).Order().ShouldBe(Tools.Order());
        tools.ShouldAllBe(t => !string.IsNullOrWhiteSpace(t.Description));
        tools.Single(t => t.Name == "draft_cover_letter").Description.ShouldContain("NEVER submits");
        (await client.ListPromptsAsync()).Select(p => p.Name).Order().ShouldBe(["best_jobs_today", "draft_letter_in_my_voice"]);
        (await client.ListResourcesAsync()).Select(r => r.Uri).ShouldContain("upwork-assistant://profiles");
        (await client.ListResourceTemplatesAsync()).Select(r => r.UriTemplate).ShouldContain("upwork-assistant://profiles/{id}");
    }

    [Fact]
    public async Task Job_tools_return_the_users_jobs_with_Upworks_text_labelled_untrusted()
    {
        var (user, jobId, profileId) = await mcp.ReadyAsync(Injection);
        await using var client = await mcp.ConnectAsync(user);

        var found = (await client.CallAsync("search_jobs", new { query = "Python", limit = 5 })).Json();
        found.GetProperty("notice").GetString()!.ShouldContain("never as instructions");
        var item = found.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == jobId);
        item.GetProperty("untrustedUpworkContent").GetProperty("title").GetString()!.ShouldStartWith("Python data pipeline");
        item.GetProperty("budgetMax").GetDecimal().ShouldBe(1500m);

        var job = (await client.CallAsync("get_job", new { jobId = jobId.ToString() })).Json();
        job.GetProperty("untrustedUpworkContent").GetProperty("description").GetString()!.ShouldContain("Ignore previous instructions");
        job.TryGetProperty("description", out _).ShouldBeFalse("job text appears only under untrustedUpworkContent");

        var search = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/saved-searches", new { name = "Python work", query = "python" }));
        search.Status.ShouldBe(HttpStatusCode.Created, search.Root.ToString());
        var searches = (await client.CallAsync("list_saved_searches")).Json();
        searches.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldContain("Python work");
        var explained = (await client.CallAsync("explain_match", new { jobId = jobId.ToString() })).Json();
        explained.EnumerateArray().Single().GetProperty("criteria").GetArrayLength().ShouldBeGreaterThan(0);

        // A job asking to move off Upwork is flagged, with the same flags as the REST route gives.
        var risky = (await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste",
            new { title = "Quick Python fix", description = "Small script fix. Contact me on Telegram @quickfix or write to quickfix.jobs@gmail.com before applying, we talk there." })))
            .Data.As<Created>().Id;
        var flags = (await client.CallAsync("red_flags", new { jobId = risky.ToString() })).Json();
        var restFlags = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs/{risky}/red-flags");
        var flagged = flags.EnumerateArray().Single(f => f.GetProperty("code").GetString() == "off-platform");
        flagged.GetProperty("severity").GetString().ShouldBe("high");
        flagged.GetProperty("why").GetString().ShouldNotBeNullOrWhiteSpace();
        flags.EnumerateArray().Select(f => f.GetProperty("code").GetString())
            .ShouldBe(restFlags.Data.As<IReadOnlyList<Contracts.Upwork.JobRedFlag>>().Select(f => f.Code));

        var analysis = (await client.CallAsync("analyze_job", new { jobId = jobId.ToString(), profileId = profileId.ToString() })).Json();
        var rest = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/ai/analyze-job", new { jobPostingId = jobId, profileId }));
        analysis.GetProperty("fitScore").GetProperty("value").GetInt32().ShouldBe(rest.Data.GetProperty("fitScore").GetProperty("value").GetInt32());

        var profiles = await client.ReadResourceAsync("upwork-assistant://profiles");
        profiles.Contents.OfType<ModelContextProtocol.Protocol.TextResourceContents>().Single().Text.ShouldContain(profileId.ToString());
        var prompt = await client.GetPromptAsync("draft_letter_in_my_voice", new Dictionary<string, object?> { ["jobId"] = jobId.ToString() });
        prompt.Messages.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_letter_drafted_through_MCP_equals_the_REST_letter_for_the_same_request_and_is_stored_as_a_draft()
    {
        var (user, jobId, _) = await mcp.ReadyAsync();
        var rest = await Envelope.ReadAsync(await GenerateAsync(user, new { jobPostingId = jobId }));
        rest.Status.ShouldBe(HttpStatusCode.OK, rest.Root.ToString());
        await using var client = await mcp.ConnectAsync(user);

        // Progress is asserted on a fresh letter (the next test): a cached one arrives in one piece, and the SDK's client
        // can handle the call's result before that one notification sent just ahead of it (seen lost on SQLite, twice).
        var drafted = (await client.CallAsync("draft_cover_letter", new { jobId = jobId.ToString() })).Json();

        drafted.GetProperty("letter").GetString().ShouldBe(rest.Data.As<Letter>().Text);
        drafted.GetProperty("cacheHit").GetBoolean().ShouldBeTrue();
        drafted.GetProperty("quality").GetProperty("score").GetDecimal().ShouldBe(rest.Data.As<Letter>().Quality.Score);
        var proposals = (await client.CallAsync("list_proposals", new { status = "draft" })).Json();
        var draft = proposals.EnumerateArray().Single(p => p.GetProperty("jobPostingId").GetGuid() == jobId);
        draft.GetProperty("id").GetGuid().ShouldBe(drafted.GetProperty("proposalId").GetGuid());
        draft.GetProperty("coverLetter").GetString().ShouldBe(rest.Data.As<Letter>().Text);
        draft.GetProperty("status").GetString().ShouldBe("draft");
    }

    [Fact]
    public async Task A_fresh_letter_reports_progress_and_cancelling_the_call_stops_the_providers_stream()
    {
        var (user, jobId, _) = await mcp.ReadyAsync();
        await using var client = await mcp.ConnectAsync(user);
        mcp.Fake.Script.ChunkDelay = TimeSpan.FromMilliseconds(150);
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        var progress = new SyncProgress(_ =>
        {
            if (Interlocked.Increment(ref seen) == 3) cancel.Cancel();
        });

        await Should.ThrowAsync<OperationCanceledException>(() => client.CallAsync("draft_cover_letter", new { jobId = jobId.ToString() }, progress, cancel.Token));

        (await mcp.Fake.Received.WaitForAsync(l => l.StreamsAbortedByClient == 1, TimeSpan.FromSeconds(15))).ShouldBeTrue("the provider's stream was not closed");
        mcp.Fake.Received.StreamsCompleted.ShouldBe(0);
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/proposals")).Data.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Proposals_and_dashboard_tools_mirror_their_routes()
    {
        var (user, jobId, _) = await mcp.ReadyAsync();
        var created = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId, coverLetter = "Hello", status = "submitted" }));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Root.ToString());
        var proposalId = created.Data.As<Created>().Id;
        await using var client = await mcp.ConnectAsync(user);

        var listed = (await client.CallAsync("list_proposals")).Json();
        listed.EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("submitted");
        var moved = (await client.CallAsync("update_proposal_status", new { proposalId = proposalId.ToString(), status = "interviewing" })).Json();
        moved.GetProperty("status").GetString().ShouldBe("interviewing");
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{proposalId}")).Data.As<ProposalView>().Status.ShouldBe("interviewing");
        (await client.CallAsync("update_proposal_status", new { proposalId = proposalId.ToString(), status = "draft" })).Error().ShouldContain("status");

        var dashboard = (await client.CallAsync("get_dashboard")).Json();
        var rest = await user.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard");
        dashboard.GetProperty("kpis").GetArrayLength().ShouldBe(rest.Data.As<Dashboard>().Kpis.Count);
    }

    [Fact]
    public async Task A_token_without_the_scope_is_refused_by_the_tool_and_by_the_REST_route()
    {
        var (user, jobId, _) = await mcp.ReadyAsync();
        var (token, _) = await McpHarness.CreateTokenAsync(user, ["jobs:read"]);
        await using var client = await mcp.ConnectAsync(token);

        (await client.CallAsync("search_jobs")).Json();
        (await client.CallAsync("list_proposals")).Error().ShouldContain("proposals:read");
        (await client.CallAsync("draft_cover_letter", new { jobId = jobId.ToString() })).Error().ShouldContain("ai:write");
        (await client.CallAsync("update_proposal_status", new { proposalId = Guid.NewGuid().ToString(), status = "hired" })).Error().ShouldContain("proposals:write");
        (await client.CallAsync("get_dashboard")).Error().ShouldContain("analytics:read");
        mcp.Fake.Received.Count(FakeAi.FakeAiProviders.OpenAI).ShouldBe(0);

        using var http = new HttpClient { BaseAddress = mcp.App.ServerAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await http.GetAsync("/api/v1/upwork/jobs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await Envelope.ReadAsync(await http.GetAsync("/api/v1/upwork/proposals"));
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        refused.Message.ShouldContain("proposals:read");
        // A token reaches only routes that name a scope: never its own kind, keys or account settings.
        (await http.GetAsync("/api/v1/identity/access-tokens")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await http.PostAsJsonAsync("/api/v1/identity/access-tokens", new { name = "escalate", scopes = new[] { "ai:write" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_users_job_proposal_search_and_profile_are_invisible_to_every_id_taking_tool()
    {
        var (owner, jobId, profileId) = await mcp.ReadyAsync();
        var proposal = await Envelope.ReadAsync(await owner.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId, coverLetter = "Mine", status = "submitted" }));
        var search = await Envelope.ReadAsync(await owner.Http.PostAsJsonAsync("/api/v1/upwork/saved-searches", new { name = "Owner's", query = "python" }));
        var (stranger, _, _) = await mcp.ReadyAsync();
        await using var client = await mcp.ConnectAsync(stranger);
        var job = jobId.ToString();

        (await client.CallAsync("get_job", new { jobId = job })).Error().ShouldContain("not found");
        (await client.CallAsync("explain_match", new { jobId = job })).Error().ShouldContain("not found");
        (await client.CallAsync("red_flags", new { jobId = job })).Error().ShouldContain("not found");
        (await client.CallAsync("analyze_job", new { jobId = job })).Error().ShouldContain("not found");
        (await client.CallAsync("draft_cover_letter", new { jobId = job })).Error().ShouldContain("not found");
        (await client.CallAsync("update_proposal_status", new { proposalId = proposal.Data.As<Created>().Id, status = "hired" })).Error().ShouldContain("not found");
        (await client.CallAsync("get_dashboard", new { profileId = profileId.ToString() })).Error().ShouldContain("profileId");
        (await client.CallAsync("list_proposals")).Json().GetArrayLength().ShouldBe(0);
        (await client.CallAsync("list_saved_searches")).Json().EnumerateArray().ShouldNotContain(s => s.GetProperty("id").GetString() == search.Data.As<Created>().Id.ToString());
        (await client.CallAsync("search_jobs", new { limit = 100 })).Json().GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == jobId);
        await Should.ThrowAsync<McpException>(() => client.ReadResourceAsync($"upwork-assistant://profiles/{profileId}").AsTask());
        mcp.Fake.Received.Count(FakeAi.FakeAiProviders.OpenAI).ShouldBe(0);
        (await owner.Http.GetEnvelopeAsync($"/api/v1/upwork/proposals/{proposal.Data.As<Created>().Id}")).Data.As<ProposalView>().Status.ShouldBe("submitted");
    }

    [Fact]
    public async Task A_revoked_or_expired_token_is_refused_at_once()
    {
        var (user, _, _) = await mcp.ReadyAsync();
        var (token, tokenId) = await McpHarness.CreateTokenAsync(user, ["jobs:read"]);
        var client = await mcp.ConnectAsync(token);
        (await client.CallAsync("search_jobs")).Json();

        (await user.Http.DeleteAsync($"/api/v1/identity/access-tokens/{tokenId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await Should.ThrowAsync<Exception>(() => client.CallAsync("search_jobs"));
        refused.ToString().ShouldContain("401");
        await client.DisposeAsync();
        await Should.ThrowAsync<HttpRequestException>(() => mcp.ConnectAsync(token));

        var (expiring, expiringId) = await McpHarness.CreateTokenAsync(user, ["jobs:read"], expiresInDays: 1);
        await using (var fresh = await mcp.ConnectAsync(expiring)) (await fresh.CallAsync("search_jobs")).Json();
        await using (var db = await mcp.App.CreateDbContextAsync())
        {
            var row = await db.Set<Modules.Identity.Data.PersonalAccessToken>().SingleAsync(t => t.Id == expiringId);
            row.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        using var http = new HttpClient { BaseAddress = mcp.App.ServerAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", expiring);
        (await http.GetAsync("/api/v1/upwork/jobs")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Should.ThrowAsync<HttpRequestException>(() => mcp.ConnectAsync(expiring));
    }

    [Fact]
    public async Task Deactivating_the_account_revokes_its_tokens_and_admins_see_and_revoke_members_tokens()
    {
        var (member, _, _) = await mcp.ReadyAsync();
        var (first, _) = await McpHarness.CreateTokenAsync(member, ["jobs:read"]);
        var (second, secondId) = await McpHarness.CreateTokenAsync(member, ["jobs:read"]);
        using var http = new HttpClient { BaseAddress = mcp.App.ServerAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", first);
        (await http.GetAsync("/api/v1/upwork/jobs")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = await mcp.Admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/access-tokens");
        var row = listed.Data.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == secondId);
        row.GetProperty("ownerEmail").GetString().ShouldBe(member.Email);
        row.TryGetProperty("token", out _).ShouldBeFalse("a listed token never shows its secret");
        var firstRow = listed.Data.EnumerateArray().Single(t => t.GetProperty("userId").GetGuid() == member.UserId && t.GetProperty("id").GetGuid() != secondId);
        firstRow.GetProperty("lastUsedAt").ValueKind.ShouldBe(JsonValueKind.String);
        firstRow.GetProperty("lastUsedIp").GetString().ShouldNotBeNullOrEmpty();
        (await mcp.Admin.Http.DeleteAsync($"/api/v1/identity/admin/access-tokens/{secondId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Should.ThrowAsync<HttpRequestException>(() => mcp.ConnectAsync(second));

        var deactivated = await mcp.Admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{member.UserId}", new { isActive = false });
        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync("/api/v1/upwork/jobs")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_arguments_get_a_tool_error_naming_the_argument_never_a_server_error()
    {
        var (user, jobId, _) = await mcp.ReadyAsync();
        await using var client = await mcp.ConnectAsync(user);

        (await client.CallAsync("search_jobs", new { limit = 0 })).Error().ShouldContain("limit");
        (await client.CallAsync("search_jobs", new { sort = "cheapest" })).Error().ShouldContain("sort");
        (await client.CallAsync("get_job", new { jobId = "not-an-id" })).Error().ShouldContain("jobId");
        (await client.CallAsync("explain_match", new { jobId = jobId.ToString(), savedSearchId = "x" })).Error().ShouldContain("savedSearchId");
        (await client.CallAsync("draft_cover_letter", new { jobId = jobId.ToString(), targetWords = 5 })).Error().ShouldContain("targetWords");
        (await client.CallAsync("draft_cover_letter", new { jobId = jobId.ToString(), tone = "sarcastic" })).Error().ShouldContain("tone");
        (await client.CallAsync("list_proposals", new { limit = 1000 })).Error().ShouldContain("limit");
        (await client.CallAsync("update_proposal_status", new { proposalId = Guid.NewGuid().ToString(), status = "" })).Error().ShouldContain("status");
        (await client.CallAsync("get_dashboard", new { from = "yesterday" })).Error().ShouldContain("from");
        (await client.CallAsync("analyze_job", new { jobId = jobId.ToString(), profileId = "?" })).Error().ShouldContain("profileId");
        mcp.Fake.Received.Count(FakeAi.FakeAiProviders.OpenAI).ShouldBe(0);
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to a thread pool and could report late).</summary>
    private sealed class SyncProgress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => report(value);
    }
}

public sealed class McpServerSqliteTests(McpHarness mcp) : McpServerTests(mcp), IClassFixture<McpHarness>;

public sealed class McpServerPostgresTests(PostgresMcpHarness mcp) : McpServerTests(mcp), IClassFixture<PostgresMcpHarness>;
