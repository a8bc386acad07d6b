using System.Net.Http.Headers;
using Contracts.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shared.Api;

namespace IntegrationTests.Identity;

/// <summary>
/// A workspace with one account per role on PostgreSQL: the admin set the roles through the admin API, and each member
/// signed in again afterwards (a role change signs the member out everywhere).
/// </summary>
public sealed class RoleTeam : IAsyncLifetime
{
    public AppFactory App { get; private set; } = null!;

    public IReadOnlyDictionary<string, SignedInClient> Members { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new AppFactory(DatabaseKind.Postgres);
        await App.StartAsync();
        var admin = await App.CreateSignedInClientAsync();   // the first account is the admin
        var members = new Dictionary<string, SignedInClient> { [Roles.Admin] = admin };
        foreach (var role in new[] { Roles.Reviewer, Roles.Bidder, Roles.Viewer })
        {
            var member = await App.CreateSignedInClientAsync();
            (await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{member.UserId}", new { role })).StatusCode.ShouldBe(HttpStatusCode.OK);
            members[role] = await SignInAgainAsync(member);
        }
        Members = members;
    }

    /// <summary>A fresh API sign-in of <paramref name="member"/> (their earlier tokens were revoked by the role change).</summary>
    public async Task<SignedInClient> SignInAgainAsync(SignedInClient member)
    {
        var client = App.CreateClient();
        var login = await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }));
        var access = login.Data.As<Tokens>().AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return member with { Http = client, AccessToken = access };
    }

    async Task IAsyncLifetime.DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Issue 24, roles: every role against every guarded REST action (allowed means the call got past authorization:
/// anything but 401/403; refused means 403), the pages each role may open, and a sweep over every mapped route proving
/// that no state-changing route is left without a role policy.
/// </summary>
public sealed class RoleMatrixTests(RoleTeam team) : IClassFixture<RoleTeam>
{
    private const string A = Roles.Admin, R = Roles.Reviewer, B = Roles.Bidder, V = Roles.Viewer;

    /// <summary>Each guarded action: method, path, body, and the roles allowed to take it.</summary>
    private static readonly (string Name, string Method, string Path, object? Body, string[] Allowed)[] Actions =
    [
        ("browse jobs", "GET", "/api/v1/upwork/jobs", null, [A, R, B, V]),
        ("own dashboard", "GET", "/api/v1/analytics/dashboard", null, [A, R, B, V]),
        ("team dashboard", "GET", "/api/v1/analytics/dashboard?scope=team", null, [A, R, V]),
        ("template win rates", "GET", "/api/v1/ai/templates/win-rates", null, [A, R, B, V]),
        ("copy a template", "POST", "/api/v1/ai/templates/builtin:short-direct/copy", null, [A, R, B]),
        ("share a template", "PUT", $"/api/v1/ai/templates/{Guid.NewGuid()}/sharing", new { shared = true }, [A]),
        ("per-bidder numbers", "GET", "/api/v1/analytics/team/bidders", null, [A, R, V]),
        ("paste a job", "POST", "/api/v1/upwork/jobs/paste", new { title = "Role matrix job", description = "A job pasted by the role matrix test." }, [A, R, B]),
        ("save a job", "POST", $"/api/v1/upwork/jobs/{Guid.NewGuid()}/save", null, [A, R, B]),
        ("track a proposal", "POST", "/api/v1/upwork/proposals", new { jobPostingId = Guid.NewGuid() }, [A, R, B]),
        ("submit a proposal", "POST", $"/api/v1/upwork/proposals/{Guid.NewGuid()}/submit", new { confirm = true }, [A, R, B]),
        ("save a letter draft", "PUT", $"/api/v1/ai/drafts/{Guid.NewGuid()}", new { text = "Hello" }, [A, R, B]),
        ("generate a letter", "POST", "/api/v1/ai/generate-cover-letter", new { jobPostingId = Guid.NewGuid() }, [A, R, B]),
        ("create a template", "POST", "/api/v1/ai/templates", new { name = "T", body = "Hi {{client}}" }, [A, R, B]),
        ("create a freelancer profile", "POST", "/api/v1/identity/profiles", new { name = "Me", title = "Dev" }, [A, R, B]),
        ("copy a freelancer profile", "POST", $"/api/v1/identity/profiles/{Guid.NewGuid()}/copy", null, [A, R, B]),
        ("share a freelancer profile", "PUT", $"/api/v1/identity/profiles/{Guid.NewGuid()}/sharing", new { shared = true }, [A]),
        ("create a saved search", "POST", "/api/v1/upwork/saved-searches", new { name = "S", query = "blazor" }, [A, R, B]),
        ("see a job's claim", "GET", $"/api/v1/upwork/jobs/{Guid.NewGuid()}/claim", null, [A, R, B, V]),
        ("claim a job", "POST", $"/api/v1/upwork/jobs/{Guid.NewGuid()}/claim", null, [A, R, B]),
        ("ask to take a job over", "POST", $"/api/v1/upwork/jobs/{Guid.NewGuid()}/claim/takeover-request", null, [A, R, B]),
        ("reassign a claimed job", "PUT", $"/api/v1/upwork/jobs/{Guid.NewGuid()}/claim", new { userId = Guid.NewGuid() }, [A, R]),
        ("send a letter for review", "POST", $"/api/v1/upwork/proposals/{Guid.NewGuid()}/review", new { }, [A, R, B]),
        ("follow my letters in review", "GET", "/api/v1/upwork/reviews/mine", null, [A, R, B, V]),
        ("read the review queue", "GET", "/api/v1/upwork/reviews", null, [A, R]),
        ("read a letter in review", "GET", $"/api/v1/upwork/reviews/{Guid.NewGuid()}", null, [A, R]),
        ("approve a letter", "POST", $"/api/v1/upwork/reviews/{Guid.NewGuid()}/approve", new { coverLetter = "Edited" }, [A, R]),
        ("return a letter", "POST", $"/api/v1/upwork/reviews/{Guid.NewGuid()}/return", new { comment = "Shorter, please" }, [A, R]),
        ("read who needs review", "GET", "/api/v1/upwork/review-settings", null, [A]),
        ("require review", "PUT", "/api/v1/upwork/review-settings", new { bidderId = Guid.NewGuid(), required = true }, [A]),
        ("mark alerts read (own account)", "POST", "/api/v1/upwork/notifications/read-all", null, [A, R, B, V]),
        ("turn on two-factor (own account)", "POST", "/api/v1/identity/mfa/setup", null, [A, R, B, V]),
        ("list members", "GET", "/api/v1/identity/admin/users", null, [A]),
        ("set a member's role", "PUT", $"/api/v1/identity/admin/users/{Guid.NewGuid()}", new { role = "Viewer" }, [A]),
        ("business numbers", "GET", "/api/v1/analytics/business", null, [A]),
        ("share the Upwork connection", "PUT", $"/api/v1/upwork/connection/shares/{Guid.NewGuid()}", null, [A]),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { A, R, B, V })
            foreach (var action in Actions) data.Add(role, action.Name);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Each_role_may_take_exactly_its_actions(string role, string actionName)
    {
        var action = Actions.Single(a => a.Name == actionName);
        using var request = new HttpRequestMessage(new HttpMethod(action.Method), action.Path);
        if (action.Body is not null) request.Content = JsonContent.Create(action.Body);

        var response = await team.Members[role].Http.SendAsync(request);

        if (action.Allowed.Contains(role))
            response.StatusCode.ShouldNotBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized], $"{role} may {actionName}");
        else
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{role} may not {actionName}");
    }

    [Fact]
    public async Task The_members_list_shows_each_role_and_a_member_cannot_change_their_own()
    {
        var admin = team.Members[A];
        var list = await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/users");
        var ownRole = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{admin.UserId}", new { role = "Viewer" }));
        var badRole = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{team.Members[V].UserId}", new { role = "Owner" }));

        list.Data.As<IReadOnlyList<WorkspaceUser>>().Select(u => u.Role).ShouldBe([A, R, B, V]);
        ownRole.Status.ShouldBe(HttpStatusCode.BadRequest);
        ownRole.Errors.ShouldHaveSingleItem().Field.ShouldBe("role");
        badRole.Status.ShouldBe(HttpStatusCode.BadRequest);
        badRole.Errors.ShouldHaveSingleItem().Field.ShouldBe("role");
    }

    [Fact]
    public async Task A_role_change_signs_the_member_out_and_holds_at_their_next_sign_in_with_an_audit_event()
    {
        var admin = team.Members[A];
        var member = await team.App.CreateSignedInClientAsync();
        (await member.Http.PostAsJsonAsync("/api/v1/ai/templates", new { name = "Before", body = "Hi" })).StatusCode.ShouldNotBe(HttpStatusCode.Forbidden);

        (await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{member.UserId}", new { role = "Viewer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var oldToken = await member.Http.GetAsync("/api/v1/auth/profile");
        var again = await team.SignInAgainAsync(member);
        var profile = await again.Http.GetEnvelopeAsync("/api/v1/auth/profile");
        var write = await again.Http.PostAsJsonAsync("/api/v1/ai/templates", new { name = "After", body = "Hi" });
        var audit = await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/audit");

        oldToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        profile.Data.As<AccountProfile>().Roles.ShouldBe([V]);
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        audit.Data.As<IReadOnlyList<AuditEntry>>().ShouldContain(e => e.Kind == "role_changed"
            && e.Detail!.Contains($"{member.Email}: Bidder → Viewer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_from_before_roles_keeps_drafting_as_a_bidder()
    {
        // The role every non-admin had before agency roles: such accounts keep working unchanged.
        var member = await team.App.CreateSignedInClientAsync();
        await using (var db = await team.App.CreateDbContextAsync())
        {
            var legacy = db.Roles.SingleOrDefault(r => r.Name == Roles.Member)
                ?? db.Roles.Add(new Microsoft.AspNetCore.Identity.IdentityRole<Guid>(Roles.Member) { Id = Guid.NewGuid(), NormalizedName = "MEMBER" }).Entity;
            db.UserRoles.RemoveRange(db.UserRoles.Where(ur => ur.UserId == member.UserId));
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = member.UserId, RoleId = legacy.Id });
            await db.SaveChangesAsync();
        }
        var legacyMember = await team.SignInAgainAsync(member);

        (await legacyMember.Http.PostAsJsonAsync("/api/v1/ai/templates", new { name = "Legacy", body = "Hi" })).StatusCode.ShouldNotBe(HttpStatusCode.Forbidden);
        (await legacyMember.Http.GetAsync("/api/v1/analytics/dashboard?scope=team")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await team.Members[A].Http.GetEnvelopeAsync("/api/v1/identity/admin/users");
        list.Data.As<IReadOnlyList<WorkspaceUser>>().Single(u => u.Id == member.UserId).Role.ShouldBe(B);
    }

    [Theory]
    [InlineData("/upwork/proposals", new[] { A, R, B })]
    [InlineData("/review", new[] { A, R, B })]
    [InlineData("/ai", new[] { A, R, B })]
    [InlineData("/profiles", new[] { A, R, B })]
    [InlineData("/upwork/connection", new[] { A, R, B })]
    [InlineData("/admin/members", new[] { A })]
    [InlineData("/upwork/jobs", new[] { A, R, B, V })]
    [InlineData("/analytics", new[] { A, R, B, V })]
    [InlineData("/settings", new[] { A, R, B, V })]
    public async Task Each_role_opens_exactly_its_pages(string path, string[] allowed)
    {
        foreach (var role in new[] { A, R, B, V })
        {
            var browser = team.App.CreateClient();
            (await AccountForms.SignInAsync(browser, team.Members[role].Email, team.Members[role].Password)).StatusCode.ShouldBe(HttpStatusCode.OK);

            var response = await browser.GetAsync(path);

            var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
            if (allowed.Contains(role)) landed.ShouldBe(path, $"{role} may open {path}");
            else landed.ShouldBe("/account/login", $"{role} may not open {path}");
        }
    }

    [Fact]
    public async Task The_jobs_page_offers_a_viewer_no_drafting_action()
    {
        async Task<string> JobsPageAsync(string role)
        {
            var browser = team.App.CreateClient();
            await AccountForms.SignInAsync(browser, team.Members[role].Email, team.Members[role].Password);
            return await browser.GetStringAsync("/upwork/jobs");
        }

        (await JobsPageAsync(B)).ShouldContain("data-testid=\"paste-job\"");
        (await JobsPageAsync(V)).ShouldNotContain("data-testid=\"paste-job\"");
        (await JobsPageAsync(V)).ShouldNotContain("data-testid=\"nav-proposals\"");
        (await JobsPageAsync(B)).ShouldContain("data-testid=\"nav-proposals\"");
    }

    [Fact]
    public void Every_api_route_carries_a_role_policy_and_every_change_one_that_a_viewer_lacks_unless_it_is_their_own_account()
    {
        var endpoints = team.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(60);
        var unguarded = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (route.StartsWith("api/v1/auth/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) continue;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Where(Permissions.All.Contains).ToList();
            if (policies.Count == 0) unguarded.Add($"{string.Join(',', methods)} {route}: no role policy");
            var changes = methods.Any(m => m is not ("GET" or "HEAD"));
            var ownAccount = endpoint.Metadata.GetMetadata<OwnAccountMetadata>() is not null || endpoint.Metadata.GetMetadata<ChangesNothingMetadata>() is not null;
            if (changes && !ownAccount && !policies.Any(p => !Permissions.RolesFor(p).Contains(Roles.Viewer)))
                unguarded.Add($"{string.Join(',', methods)} {route}: a viewer could change it");
        }
        unguarded.ShouldBeEmpty();
    }
}
