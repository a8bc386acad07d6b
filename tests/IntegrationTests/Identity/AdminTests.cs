namespace IntegrationTests.Identity;

/// <summary>The workspace admin manages members; members cannot.</summary>
public sealed class AdminTests
{
    [Fact]
    public async Task An_admin_sets_a_plan_and_deactivates_a_member_who_is_signed_out_everywhere()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();
        var member = await app.CreateSignedInClientAsync();

        var forbidden = await Envelope.ReadAsync(await member.Http.GetAsync("/api/v1/identity/admin/users"));
        var list = await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/users");
        var badPlan = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{member.UserId}", new { plan = "platinum" }));
        var toPro = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{member.UserId}", new { plan = "pro" }));
        var usage = await member.Http.GetEnvelopeAsync("/api/v1/identity/usage");
        var selfDeactivate = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{admin.UserId}", new { isActive = false }));
        var missing = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{Guid.NewGuid()}", new { isActive = false }));
        var deactivate = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/identity/admin/users/{member.UserId}", new { isActive = false }));
        var memberAfter = await member.Http.GetAsync("/api/v1/auth/profile");
        var loginAfter = await Envelope.ReadAsync(await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }));

        forbidden.Status.ShouldBe(HttpStatusCode.Forbidden);
        list.Data.As<IReadOnlyList<WorkspaceUser>>().Select(u => u.Role).ShouldBe(["Admin", "Bidder"]);
        badPlan.Status.ShouldBe(HttpStatusCode.BadRequest);
        badPlan.Errors.ShouldHaveSingleItem().Field.ShouldBe("plan");
        toPro.Status.ShouldBe(HttpStatusCode.OK);
        usage.Data.As<Contracts.Identity.QuotaUsage>().Plan.ShouldBe("pro");
        usage.Data.As<Contracts.Identity.QuotaUsage>().Limit.ShouldBe(300);
        selfDeactivate.Status.ShouldBe(HttpStatusCode.BadRequest);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        deactivate.Status.ShouldBe(HttpStatusCode.OK);
        memberAfter.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        loginAfter.Status.ShouldBe(HttpStatusCode.Forbidden);
        loginAfter.Message.ShouldContain("deactivated");
    }

    [Fact]
    public async Task Users_see_their_own_security_events_and_the_admin_sees_everyones()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();
        var member = await app.CreateSignedInClientAsync();
        await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = "Wrong!Passw0rd" });

        var mine = await member.Http.GetEnvelopeAsync("/api/v1/identity/audit");
        var adminsOwn = await admin.Http.GetEnvelopeAsync("/api/v1/identity/audit");
        var all = await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/audit");
        var memberTriesAll = await member.Http.GetAsync("/api/v1/identity/admin/audit");

        mine.Data.As<IReadOnlyList<AuditEntry>>().Select(e => e.Kind).ShouldContain("sign_in_failed");
        adminsOwn.Data.As<IReadOnlyList<AuditEntry>>().Select(e => e.Kind).ShouldNotContain("sign_in_failed");
        all.Data.As<IReadOnlyList<AuditEntry>>().Where(e => e.Kind == "sign_in_failed")
            .Select(e => e.Email).ShouldContain(member.Email);
        memberTriesAll.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
