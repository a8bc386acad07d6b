namespace IntegrationTests.Ai;

/// <summary>
/// Issue 24, shared templates: an admin shares a template with the team; members see it read-only (edit and delete
/// refused in the envelope, a teammate's unshared one not found), copy it to edit, and only an admin shares; the
/// per-template win rate across the team equals the one worked out by hand from proposals made through the API.
/// </summary>
public sealed class SharedTemplatesTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private const string Body = "Write a {tone} letter for {job_title}: {job_description}";

    [Fact]
    public async Task A_shared_template_is_read_only_for_members_who_copy_it_to_edit_and_its_team_win_rate_is_counted()
    {
        var admin = await app.App.CreateSignedInClientAsync();   // the install's first account: its admin
        var anna = await app.App.CreateSignedInClientAsync();   // bidders
        var ben = await app.App.CreateSignedInClientAsync();
        var name = "Agency standard " + Guid.NewGuid().ToString("N")[..6];

        var shared = await CreateAsync(admin, name);
        var secret = await CreateAsync(admin, "Admin's private " + Guid.NewGuid().ToString("N")[..6]);
        var annas = await CreateAsync(anna, "Anna's own " + Guid.NewGuid().ToString("N")[..6]);

        // Only an admin shares, and only a template of their own.
        (await anna.Http.PutAsJsonAsync($"/api/v1/ai/templates/{annas}/sharing", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.Http.PutAsJsonAsync($"/api/v1/ai/templates/{annas}/sharing", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var share = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/ai/templates/{shared}/sharing", new { shared = true }));
        share.Status.ShouldBe(HttpStatusCode.OK, share.Root.GetRawText());
        share.Data.As<Template>().Shared.ShouldBeTrue();

        // Anna sees it, read-only; the admin's unshared one is not hers to see.
        var list = (await anna.Http.GetEnvelopeAsync("/api/v1/ai/templates")).Data.As<IReadOnlyList<Template>>();
        var seen = list.Where(t => t.Id == shared.ToString()).ShouldHaveSingleItem();
        seen.ReadOnly.ShouldBeTrue();
        seen.Shared.ShouldBeTrue();
        list.ShouldNotContain(t => t.Id == secret.ToString());
        list.Single(t => t.Id == annas.ToString()).ReadOnly.ShouldBeFalse();

        var edit = await Envelope.ReadAsync(await anna.Http.PutAsJsonAsync($"/api/v1/ai/templates/{shared}", new { name = "Mine now", body = Body }));
        edit.Status.ShouldBe(HttpStatusCode.Forbidden);
        edit.Errors.ShouldHaveSingleItem().Field.ShouldBe("id");
        var delete = await Envelope.ReadAsync(await anna.Http.DeleteAsync($"/api/v1/ai/templates/{shared}"));
        delete.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Envelope.ReadAsync(await anna.Http.PutAsJsonAsync($"/api/v1/ai/templates/{secret}", new { name = "Mine now", body = Body }))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Envelope.ReadAsync(await anna.Http.DeleteAsync($"/api/v1/ai/templates/{secret}"))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await anna.Http.PostAsync($"/api/v1/ai/templates/{secret}/copy", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var unchanged = (await admin.Http.GetEnvelopeAsync("/api/v1/ai/templates")).Data.As<IReadOnlyList<Template>>().Single(t => t.Id == shared.ToString());
        unchanged.Name.ShouldBe(name);
        unchanged.ReadOnly.ShouldBeFalse();

        // A copy is Anna's own to edit.
        var copy = await Envelope.ReadAsync(await anna.Http.PostAsync($"/api/v1/ai/templates/{shared}/copy", null));
        copy.Status.ShouldBe(HttpStatusCode.Created, copy.Root.GetRawText());
        var copied = copy.Data.As<Template>();
        copied.Name.ShouldBe($"{name} (copy)");
        copied.ReadOnly.ShouldBeFalse();
        copied.Body.ShouldBe(Body);
        var copyId = copied.Id;
        (await anna.Http.PutAsJsonAsync($"/api/v1/ai/templates/{copyId}", new { name = "Anna's version", body = Body + " Keep it short." })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Win rate across the team: Anna sent 3 with it (1 hired), Ben 2 (1 hired) and keeps 1 draft; the admin sent 1 with another template.
        await SendAsync(anna, name, hired: true);
        await SendAsync(anna, name, hired: false);
        await SendAsync(anna, name, hired: false);
        await SendAsync(ben, name, hired: true);
        await SendAsync(ben, name, hired: false);
        await SendAsync(ben, name, hired: false, draft: true);
        await SendAsync(admin, "Short and direct", hired: true);
        var rates = (await ben.Http.GetEnvelopeAsync("/api/v1/ai/templates/win-rates")).Data.As<IReadOnlyList<TemplateWinRate>>();
        var rate = rates.Single(r => r.Template == name);
        rate.Sent.ShouldBe(5);
        rate.Hired.ShouldBe(2);
        rate.WinRate.ShouldBe(0.4m);   // 2 of 5
        var builtIn = rates.Single(r => r.Template == "Short and direct");
        builtIn.Sent.ShouldBe(1);
        builtIn.WinRate.ShouldBe(1m);

        // Unshared, it leaves the members' lists; Anna's copy stays hers.
        (await admin.Http.PutAsJsonAsync($"/api/v1/ai/templates/{shared}/sharing", new { shared = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = (await anna.Http.GetEnvelopeAsync("/api/v1/ai/templates")).Data.As<IReadOnlyList<Template>>();
        after.ShouldNotContain(t => t.Id == shared.ToString());
        after.ShouldContain(t => t.Id == copyId);
        (await Envelope.ReadAsync(await anna.Http.PutAsJsonAsync($"/api/v1/ai/templates/{shared}", new { name = "Mine now", body = Body }))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/audit")).Data.As<IReadOnlyList<AuditEntry>>().Select(e => e.Kind).ShouldContain("template_shared");
    }

    private static async Task<Guid> CreateAsync(SignedInClient who, string name)
    {
        var created = await Envelope.ReadAsync(await who.Http.PostAsJsonAsync("/api/v1/ai/templates", new { name, body = Body, description = "For the team" }));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Root.GetRawText());
        return Guid.Parse(created.Data.As<Template>().Id);
    }

    private static async Task SendAsync(SignedInClient who, string template, bool hired, bool draft = false)
    {
        var job = (await Envelope.ReadAsync(await who.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = "Template job " + Guid.NewGuid().ToString("N")[..6], description = "A pasted job." })))
            .Data.As<Created>().Id;
        var created = await Envelope.ReadAsync(await who.Http.PostAsJsonAsync("/api/v1/upwork/proposals",
            new { jobPostingId = job, coverLetter = "Hello", templateName = template, status = draft ? "draft" : "submitted" }));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Root.GetRawText());
        if (hired)
            (await who.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{created.Data.As<Created>().Id}", new { jobPostingId = Guid.Empty, status = "hired" }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
