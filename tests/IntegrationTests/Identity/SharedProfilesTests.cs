using static IntegrationTests.Ai.AiTestData;

namespace IntegrationTests.Identity;

/// <summary>
/// Issue 24, shared profiles: an admin shares a freelancer profile with the team; bidders see it read-only (edit and
/// delete refused in the envelope, a teammate's unshared one not found), write letters with it, and copy it to edit;
/// only an admin shares, and only their own. The shared profile stays its owner's data (their export holds it).
/// </summary>
public sealed class SharedProfilesTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_shared_profile_is_read_only_for_bidders_who_write_with_it_and_copy_it_to_edit()
    {
        var admin = await app.App.CreateSignedInClientAsync();   // the install's first account: its admin
        var anna = await app.App.CreateSignedInClientAsync();   // a bidder
        var shared = await CreateAsync(admin, "Agency Python team " + Guid.NewGuid().ToString("N")[..6]);
        var secret = await CreateAsync(admin, "Admin's private " + Guid.NewGuid().ToString("N")[..6]);
        var annas = await CreateAsync(anna, "Anna's own " + Guid.NewGuid().ToString("N")[..6]);

        // Only an admin shares, and only a profile of their own.
        (await anna.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{annas.Id}/sharing", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{annas.Id}/sharing", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var share = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{shared.Id}/sharing", new { shared = true }));
        share.Status.ShouldBe(HttpStatusCode.OK, share.Root.GetRawText());
        var shareView = share.Data.As<ProfileView>();
        shareView.Shared.ShouldBeTrue();
        shareView.ReadOnly.ShouldBeFalse();

        // Anna sees it after her own, read-only and named by whom it is shared; the admin's unshared one is not hers to see.
        var list = (await anna.Http.GetEnvelopeAsync("/api/v1/identity/profiles")).Data.As<IReadOnlyList<ProfileView>>();
        list[0].Id.ShouldBe(annas.Id);
        list[0].ReadOnly.ShouldBeFalse();
        var seen = list.Where(p => p.Id == shared.Id).ShouldHaveSingleItem();
        seen.ReadOnly.ShouldBeTrue();
        seen.Shared.ShouldBeTrue();
        seen.IsDefault.ShouldBeFalse();   // the admin's default is not Anna's
        seen.SharedBy.ShouldNotBeNullOrWhiteSpace();
        list.ShouldNotContain(p => p.Id == secret.Id);
        (await anna.Http.GetAsync($"/api/v1/identity/profiles/{shared.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anna.Http.GetAsync($"/api/v1/identity/profiles/{secret.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Edit and delete of the shared one are refused naming id; the unshared one is not found, as before.
        var edit = await Envelope.ReadAsync(await anna.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{shared.Id}", Input("Mine now")));
        edit.Status.ShouldBe(HttpStatusCode.Forbidden);
        edit.Errors.ShouldHaveSingleItem().Field.ShouldBe("id");
        var delete = await Envelope.ReadAsync(await anna.Http.DeleteAsync($"/api/v1/identity/profiles/{shared.Id}"));
        delete.Status.ShouldBe(HttpStatusCode.Forbidden);
        delete.Errors.ShouldHaveSingleItem().Field.ShouldBe("id");
        (await Envelope.ReadAsync(await anna.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{secret.Id}", Input("Mine now")))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Envelope.ReadAsync(await anna.Http.DeleteAsync($"/api/v1/identity/profiles/{secret.Id}"))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await anna.Http.PostAsync($"/api/v1/identity/profiles/{secret.Id}/copy", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var unchanged = (await admin.Http.GetEnvelopeAsync($"/api/v1/identity/profiles/{shared.Id}")).Data.As<ProfileView>();
        unchanged.Title.ShouldBe(shared.Title);
        unchanged.ReadOnly.ShouldBeFalse();

        // Anna writes a letter with the shared profile through the offline writer: its portfolio is the evidence.
        var jobId = await PasteJobAsync(anna);
        var letter = await Envelope.ReadAsync(await GenerateAsync(anna, new { jobPostingId = jobId, profileId = shared.Id, provider = "offline" }));
        letter.Status.ShouldBe(HttpStatusCode.OK, letter.Root.GetRawText());
        letter.Data.As<Letter>().Text.ShouldContain("Freight ETL platform");
        (await Envelope.ReadAsync(await GenerateAsync(anna, new { jobPostingId = jobId, profileId = secret.Id, provider = "offline" }))).Errors.Single().Field.ShouldBe("profileId");

        // A copy is Anna's own to edit.
        var copy = await Envelope.ReadAsync(await anna.Http.PostAsync($"/api/v1/identity/profiles/{shared.Id}/copy", null));
        copy.Status.ShouldBe(HttpStatusCode.Created, copy.Root.GetRawText());
        var copied = copy.Data.As<ProfileView>();
        copied.Title.ShouldBe($"{shared.Title} (copy)");
        copied.ReadOnly.ShouldBeFalse();
        copied.Shared.ShouldBeFalse();
        copied.Portfolio.Count.ShouldBe(1);
        var copyId = copied.Id;
        var edited = await Envelope.ReadAsync(await anna.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{copyId}", Input("Anna's Python profile")));
        edited.Status.ShouldBe(HttpStatusCode.OK, edited.Root.GetRawText());
        (await admin.Http.GetEnvelopeAsync($"/api/v1/identity/profiles/{shared.Id}")).Data.As<ProfileView>().Title.ShouldBe(shared.Title);

        // Unshared, it leaves Anna's list; her copy stays hers. The shared profile was the admin's data all along.
        (await admin.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{shared.Id}/sharing", new { shared = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = (await anna.Http.GetEnvelopeAsync("/api/v1/identity/profiles")).Data.As<IReadOnlyList<ProfileView>>();
        after.ShouldNotContain(p => p.Id == shared.Id);
        after.ShouldContain(p => p.Id == copyId);
        (await Envelope.ReadAsync(await anna.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{shared.Id}", Input("Mine now")))).Status.ShouldBe(HttpStatusCode.NotFound);
        var kinds = (await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/audit")).Data.As<IReadOnlyList<AuditEntry>>().Select(e => e.Kind).ToList();
        kinds.ShouldContain("profile_shared");
        kinds.ShouldContain("profile_unshared");
    }

    private static object Input(string title) => new { title, overview = "Edited", skills = new[] { "Python" }, isDefault = false };

    private static async Task<(Guid Id, string Title)> CreateAsync(SignedInClient who, string title)
    {
        var created = await Envelope.ReadAsync(await who.Http.PostAsJsonAsync("/api/v1/identity/profiles", new
        {
            title,
            overview = "We build data pipelines and APIs with Python and Django for startups.",
            skills = new[] { "Python", "Django", "PostgreSQL" },
            yearsOfExperience = 7,
            portfolio = new[] { new { title = "Freight ETL platform", url = "https://example.com/freight", description = "Moved 2M shipments a day into PostgreSQL.", skills = new[] { "Python" } } },
        }));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Root.GetRawText());
        return (created.Data.As<Created>().Id, title);
    }
}
