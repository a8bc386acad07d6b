namespace IntegrationTests.Upwork;

/// <summary>
/// An admin shares a saved search with the team: members see it read-only, cannot change or delete it, and get its
/// alerts only once they follow it — and, without an Upwork connection of their own, only while the admin's connection
/// is shared with them (issue 16).
/// </summary>
public abstract class SharedSearchTests(DatabaseKind database) : FreshUpworkHarnessTests(database)
{
    private static async Task<int> UnreadAsync(SignedInClient user) =>
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread;

    [Fact]
    public async Task Members_see_a_shared_search_read_only_and_get_its_alerts_only_while_following()
    {
        var keyword = "team" + Guid.NewGuid().ToString("N")[..8];
        var admin = await Harness.ConnectedUserWithSearchAsync(keyword);   // the first account is the admin
        var member = await Harness.App.CreateSignedInClientAsync();
        var bystander = await Harness.App.CreateSignedInClientAsync();
        var searchId = (await admin.Http.GetEnvelopeAsync("/api/v1/upwork/saved-searches")).Data.As<IReadOnlyList<SavedSearchView>>()[0].Id;

        (await member.Http.GetEnvelopeAsync("/api/v1/upwork/saved-searches")).Data.GetArrayLength().ShouldBe(0);   // not shared yet
        (await member.Http.PostAsync($"/api/v1/upwork/saved-searches/{searchId}/follow", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var share = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/upwork/saved-searches/{searchId}/shared", new { shared = true }));
        share.Status.ShouldBe(HttpStatusCode.OK);
        share.Data.As<SavedSearchView>().Shared.ShouldBeTrue();

        var seen = (await member.Http.GetEnvelopeAsync("/api/v1/upwork/saved-searches")).Data.As<IReadOnlyList<SavedSearchView>>().Single();
        seen.Id.ShouldBe(searchId);
        seen.ReadOnly.ShouldBeTrue();
        seen.Following.ShouldBeFalse();
        (await member.Http.PutAsJsonAsync($"/api/v1/upwork/saved-searches/{searchId}", new { name = "Mine now", query = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.Http.DeleteAsync($"/api/v1/upwork/saved-searches/{searchId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.Http.PutAsJsonAsync($"/api/v1/upwork/saved-searches/{searchId}/shared", new { shared = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.Http.GetEnvelopeAsync("/api/v1/upwork/saved-searches")).Data.As<IReadOnlyList<SavedSearchView>>()[0].Name.ShouldBe($"Watch {keyword}");

        (await member.Http.PostAsync($"/api/v1/upwork/saved-searches/{searchId}/follow", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.Http.GetEnvelopeAsync("/api/v1/upwork/saved-searches")).Data.As<IReadOnlyList<SavedSearchView>>()[0].Following.ShouldBeTrue();
        // Issue 16: the member has no Upwork connection, so the admin's jobs reach them only through a shared connection.
        Harness.Inject(keyword);
        await Harness.SyncAsync(admin.UserId);
        (await UnreadAsync(admin)).ShouldBe(1);
        (await UnreadAsync(member)).ShouldBe(0);
        (await admin.Http.PutAsync($"/api/v1/upwork/connection/shares/{member.UserId}", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        Harness.Inject(keyword);
        await Harness.SyncAsync(admin.UserId);

        (await UnreadAsync(admin)).ShouldBe(2);
        (await UnreadAsync(member)).ShouldBe(1);
        (await UnreadAsync(bystander)).ShouldBe(0);

        (await member.Http.DeleteAsync($"/api/v1/upwork/saved-searches/{searchId}/follow")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Harness.Inject(keyword);
        await Harness.SyncAsync(admin.UserId);

        (await UnreadAsync(admin)).ShouldBe(3);
        (await UnreadAsync(member)).ShouldBe(1);
    }

    [Fact]
    public async Task Only_an_admin_shares_and_an_unshared_search_stops_alerting_its_followers()
    {
        var keyword = "solo" + Guid.NewGuid().ToString("N")[..8];
        var admin = await Harness.ConnectedUserWithSearchAsync(keyword);
        var member = await Harness.ConnectedUserWithSearchAsync("other" + keyword);
        var adminSearch = (await admin.Http.GetEnvelopeAsync("/api/v1/upwork/saved-searches")).Data.As<IReadOnlyList<SavedSearchView>>()[0].Id;
        var memberSearch = (await member.Http.GetEnvelopeAsync("/api/v1/upwork/saved-searches")).Data.As<IReadOnlyList<SavedSearchView>>()[0].Id;

        (await member.Http.PutAsJsonAsync($"/api/v1/upwork/saved-searches/{memberSearch}/shared", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.Http.PutAsJsonAsync($"/api/v1/upwork/saved-searches/{memberSearch}/shared", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.Http.PutAsJsonAsync($"/api/v1/upwork/saved-searches/{memberSearch}", new { name = "x", query = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await admin.Http.PutAsJsonAsync($"/api/v1/upwork/saved-searches/{adminSearch}/shared", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.Http.PostAsync($"/api/v1/upwork/saved-searches/{adminSearch}/follow", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.Http.PutAsJsonAsync($"/api/v1/upwork/saved-searches/{adminSearch}/shared", new { shared = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        Harness.Inject(keyword);
        await Harness.SyncAsync(admin.UserId);

        (await UnreadAsync(admin)).ShouldBe(1);
        (await UnreadAsync(member)).ShouldBe(0);
        (await member.Http.GetEnvelopeAsync("/api/v1/upwork/saved-searches")).Data.GetArrayLength().ShouldBe(1);   // only their own again
    }
}

public sealed class SqliteSharedSearchTests() : SharedSearchTests(DatabaseKind.Sqlite);

public sealed class PostgresSharedSearchTests() : SharedSearchTests(DatabaseKind.Postgres);
