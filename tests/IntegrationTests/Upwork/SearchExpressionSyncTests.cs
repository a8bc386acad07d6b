namespace IntegrationTests.Upwork;

/// <summary>A saved search's words reach Upwork as Lucene syntax: operators kept, special characters escaped.</summary>
public sealed class SearchExpressionSyncTests(UpworkHarness harness) : IClassFixture<UpworkHarness>
{
    [Fact]
    public async Task Cpp_and_OR_searches_find_what_they_say_and_the_api_shows_what_is_sent()
    {
        var tag = "lx" + Guid.NewGuid().ToString("N")[..8];
        var user = await harness.App.CreateSignedInClientAsync();
        await harness.ConnectAsync(user);
        var cpp = harness.Fake.State.GenerateJob(j => { j.Title = $"{tag} C++ engine port"; j.Description = "Game engine work."; j.Skills = ["C++"]; });
        var c = harness.Fake.State.GenerateJob(j => { j.Title = $"{tag} embedded C firmware"; j.Description = "Microcontroller work."; j.Skills = ["C"]; });
        var vue = harness.Fake.State.GenerateJob(j => { j.Title = $"{tag} Vue: Nuxt migration"; j.Description = "Frontend work."; j.Skills = ["Vue.js"]; });

        var saved = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/saved-searches", new { name = "C++", query = $"{tag} C++" }));
        saved.Status.ShouldBe(HttpStatusCode.Created, saved.Root.GetRawText());
        saved.Data.As<SavedSearchView>().SentToUpwork.ShouldBe($@"{tag} C\+\+");
        var outcome = (await harness.SyncAsync(user.UserId)).Single();
        outcome.Error.ShouldBeNull();
        (await harness.StoredJobsAsync([cpp.Id, c.Id, vue.Id])).Select(j => j.UpworkJobId).ShouldBe([cpp.Id]);   // not the plain C job

        // An update recomputes the search; OR stays an operator, and a colon no longer breaks the query.
        var id = saved.Data.As<Created>().Id;
        var updated = await Envelope.ReadAsync(await user.Http.PutAsJsonAsync($"/api/v1/upwork/saved-searches/{id}", new { name = "Either", query = $"{tag} AND (firmware OR Vue:)" }));
        updated.Status.ShouldBe(HttpStatusCode.OK, updated.Root.GetRawText());
        updated.Data.As<SavedSearchView>().SentToUpwork.ShouldBe($@"{tag} AND (firmware OR Vue\:)");
        (await harness.SyncAsync(user.UserId)).Single().Error.ShouldBeNull();
        (await harness.StoredJobsAsync([c.Id, vue.Id])).Select(j => j.UpworkJobId).ShouldBe([c.Id, vue.Id], ignoreOrder: true);
    }
}
