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
        share.Data.GetProperty("shared").GetBoolean().ShouldBeTrue();
        share.Data.GetProperty("readOnly").GetBoolean().ShouldBeFalse();

        // Anna sees it after her own, read-only and named by whom it is shared; the admin's unshared one is not hers to see.
        var list = (await anna.Http.GetEnvelopeAsync("/api/v1/identity/profiles")).Data.EnumerateArray().ToList();
        list[0].GetProperty("id").GetGuid().ShouldBe(annas.Id);
        list[0].GetProperty("readOnly").GetBoolean().ShouldBeFalse();
        var seen = list.Where(p => p.GetProperty("id").GetGuid() == shared.Id).ShouldHaveSingleItem();
        seen.GetProperty("readOnly").GetBoolean().ShouldBeTrue();
        seen.GetProperty("shared").GetBoolean().ShouldBeTrue();
        seen.GetProperty("isDefault").GetBoolean().ShouldBeFalse();   // the admin's default is not Anna's
        seen.GetProperty("sharedBy").GetString().ShouldNotBeNullOrWhiteSpace();
        list.ShouldNotContain(p => p.GetProperty("id").GetGuid() == secret.Id);
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
        var unchanged = (await admin.Http.GetEnvelopeAsync($"/api/v1/identity/profiles/{shared.Id}")).Data;
        unchanged.GetProperty("title").GetString().ShouldBe(shared.Title);
        unchanged.GetProperty("readOnly").GetBoolean().ShouldBeFalse();

        // Anna writes a letter with the shared profile through the offline writer: its portfolio is the evidence.
        var jobId = await PasteJobAsync(anna);
        var letter = await Envelope.ReadAsync(await GenerateAsync(anna, new { jobPostingId = jobId, profileId = shared.Id, provider = "offline" }));
        letter.Status.ShouldBe(HttpStatusCode.OK, letter.Root.GetRawText());
        letter.Data.GetProperty("text").GetString()!.ShouldContain("Freight ETL platform");
        (await Envelope.ReadAsync(await GenerateAsync(anna, new { jobPostingId = jobId, profileId = secret.Id, provider = "offline" }))).Errors.Single().Field.ShouldBe("profileId");

        // A copy is Anna's own to edit.
        var copy = await Envelope.ReadAsync(await anna.Http.PostAsync($"/api/v1/identity/profiles/{shared.Id}/copy", null));
        copy.Status.ShouldBe(HttpStatusCode.Created, copy.Root.GetRawText());
        copy.Data.GetProperty("title").GetString().ShouldBe($"{shared.Title} (copy)");
        copy.Data.GetProperty("readOnly").GetBoolean().ShouldBeFalse();
        copy.Data.GetProperty("shared").GetBoolean().ShouldBeFalse();
        copy.Data.GetProperty("portfolio").GetArrayLength().ShouldBe(1);
        var copyId = copy.Data.GetProperty("id").GetGuid();
        var edited = await Envelope.ReadAsync(await anna.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{copyId}", Input("Anna's Python profile")));
        edited.Status.ShouldBe(HttpStatusCode.OK, edited.Root.GetRawText());
        (await admin.Http.GetEnvelopeAsync($"/api/v1/identity/profiles/{shared.Id}")).Data.GetProperty("title").GetString().ShouldBe(shared.Title);

        // Unshared, it leaves Anna's list; her copy stays hers. The shared profile was the admin's data all along.
        (await admin.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{shared.Id}/sharing", new { shared = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = (await anna.Http.GetEnvelopeAsync("/api/v1/identity/profiles")).Data.EnumerateArray().ToList();
        after.ShouldNotContain(p => p.GetProperty("id").GetGuid() == shared.Id);
        after.ShouldContain(p => p.GetProperty("id").GetGuid() == copyId);
        (await Envelope.ReadAsync(await anna.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{shared.Id}", Input("Mine now")))).Status.ShouldBe(HttpStatusCode.NotFound);
        var kinds = (await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/audit")).Data.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
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
        return (created.Data.GetProperty("id").GetGuid(), title);
    }
}
