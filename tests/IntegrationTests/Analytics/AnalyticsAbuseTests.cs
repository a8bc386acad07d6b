using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Analytics;

/// <summary>
/// Issue 17 (low): the analytics routes cannot be used to read or probe another user's profile, nor to fill the
/// server's memory with cache entries (a period per request, a random profile id per request).
/// </summary>
public sealed class AnalyticsAbuseTests(AnalyticsAbuseTests.Fixture fixture) : IClassFixture<AnalyticsAbuseTests.Fixture>
{
    public const long CacheLimit = 200_000;

    public sealed class Fixture() : AppFixture(DatabaseKind.Sqlite)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cache:LocalSizeLimitBytes"] = CacheLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    private static async Task<Guid> ProfileAsync(SignedInClient user, string title) =>
        (await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/identity/profiles", new { title, isDefault = false }))).Data.As<Created>().Id;

    private MemoryCache Cache => (MemoryCache)fixture.App.Services.GetRequiredService<IMemoryCache>();

    [Theory]
    [InlineData("dashboard")]
    [InlineData("jobs")]
    [InlineData("proposals")]
    [InlineData("revenue")]
    [InlineData("performance")]
    public async Task Another_users_profile_id_is_not_found_on_every_analytics_route(string route)
    {
        var owner = await fixture.App.CreateSignedInClientAsync();
        var member = await fixture.App.CreateSignedInClientAsync();
        var theirs = await ProfileAsync(owner, "Owner's profile");
        var mine = await ProfileAsync(member, "My profile");

        var probe = await member.Http.GetEnvelopeAsync($"/api/v1/analytics/{route}?profileId={theirs}");
        var random = await member.Http.GetEnvelopeAsync($"/api/v1/analytics/{route}?profileId={Guid.NewGuid()}");

        probe.Status.ShouldBe(HttpStatusCode.NotFound, probe.Root.ToString());
        probe.Errors.Single().Field.ShouldBe("profileId");
        random.Status.ShouldBe(HttpStatusCode.NotFound);
        (await member.Http.GetEnvelopeAsync($"/api/v1/analytics/{route}?profileId={mine}")).Status.ShouldBe(HttpStatusCode.OK);
        (await owner.Http.GetEnvelopeAsync($"/api/v1/analytics/{route}?profileId={theirs}")).Status.ShouldBe(HttpStatusCode.OK);
        // The team view (admins only, checked before this) may name any member's profile, and still no unknown one.
        var dashboard = fixture.App.Services.GetRequiredService<Modules.Analytics.Features.ShowDashboard.ShowDashboard>();
        (await dashboard.MayShowProfileAsync(member.UserId, theirs, team: true, CancellationToken.None)).ShouldBeTrue();
        (await dashboard.MayShowProfileAsync(member.UserId, Guid.NewGuid(), team: true, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_flood_of_future_dates_makes_no_new_cache_entries()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        (await user.Http.GetEnvelopeAsync("/api/v1/analytics/dashboard")).Status.ShouldBe(HttpStatusCode.OK);
        var before = Cache.Count;

        var today = DateOnly.FromDateTime(fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        for (var i = 1; i <= 40; i++)
            (await user.Http.GetEnvelopeAsync($"/api/v1/analytics/dashboard?to={today.AddDays(i * 97):yyyy-MM-dd}")).Status.ShouldBe(HttpStatusCode.OK);

        Cache.Count.ShouldBeLessThanOrEqualTo(before, "every future 'to' is today: the same key as the default period");
    }

    [Theory]
    [InlineData("from=1900-01-01&to=1900-01-31", "from")]
    [InlineData("to=1901-06-30", "to")]
    [InlineData("from=9999-12-01", "from")]
    public async Task Dates_outside_the_history_are_refused_naming_the_field(string query, string field)
    {
        var user = await fixture.App.CreateSignedInClientAsync();

        var answer = await user.Http.GetEnvelopeAsync($"/api/v1/analytics/dashboard?{query}");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Errors.Select(e => e.Field).ShouldContain(field);
    }

    [Fact]
    public async Task A_flood_of_distinct_periods_stays_within_the_cache_size_limit()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var today = DateOnly.FromDateTime(fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

        for (var i = 0; i < 120; i++)
            (await user.Http.GetEnvelopeAsync($"/api/v1/analytics/dashboard?from={today.AddDays(-i):yyyy-MM-dd}")).Status.ShouldBe(HttpStatusCode.OK);

        var statistics = Cache.GetCurrentStatistics();
        statistics.ShouldNotBeNull("the cache tracks its size");
        statistics.CurrentEstimatedSize.ShouldNotBeNull("every entry has a size");
        statistics.CurrentEstimatedSize!.Value.ShouldBeLessThanOrEqualTo(CacheLimit);
        Cache.Count.ShouldBeLessThan(120);
    }
}
