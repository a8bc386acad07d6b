using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Features.ManageAlertChannels;

namespace IntegrationTests.Upwork;

/// <summary>
/// Issue 17 item 3, performed as the attack: a member pastes a job whose title is chat markup (Slack's
/// <c>&lt;!channel&gt;</c> and masked links, Discord's <c>@everyone</c> and markdown) and whose URL is not Upwork's. It
/// reaches nobody else, and what reaches the member's own Slack and Discord arrives inert, without the foreign link.
/// </summary>
public sealed class ChannelInjectionTests : IAsyncLifetime
{
    private const string Attack = "<!channel> <http://evil.example|click> @everyone **bold** <@U123>";
    private readonly ChannelsHarness _harness = new();
    private FakeReceivers _receivers = null!;

    private sealed class ChannelsHarness : UpworkHarness
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Upwork:Channels:AllowPrivateTargets"] = "true",
            ["Upwork:Channels:RetryBaseDelay"] = "00:00:00",
        };
    }

    public async Task InitializeAsync()
    {
        _receivers = await FakeReceivers.StartAsync();
        await ((IAsyncLifetime)_harness).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_harness).DisposeAsync();
        await _receivers.DisposeAsync();
    }

    private async Task AddChannelsAsync(SignedInClient user, string prefix)
    {
        foreach (var channel in new object[]
                 {
                     new { kind = "slack", name = "Slack", target = $"{_receivers.BaseUrl}/{prefix}-slack" },
                     new { kind = "discord", name = "Discord", target = $"{_receivers.BaseUrl}/{prefix}-discord" },
                 })
            (await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", channel)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_pasted_title_full_of_chat_markup_arrives_inert_on_slack_and_discord_and_a_foreign_link_is_not_printed()
    {
        var keyword = "inj" + Guid.NewGuid().ToString("N")[..8];
        var user = await _harness.ConnectedUserWithSearchAsync(keyword);
        await AddChannelsAsync(user, "own");

        (await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste",
            new { title = $"{keyword} {Attack}", url = "http://evil.example/jobs/~021234", skills = Array.Empty<string>() })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _harness.App.Services.GetRequiredService<DeliverAlerts>().RunAsync(CancellationToken.None)).ShouldBe(2);

        var got = _receivers.Received.ToList();
        var slack = JsonDocument.Parse(got.Single(r => r.Path == "/own-slack").Body).RootElement.GetProperty("text").GetString()!;
        slack.ShouldContain(keyword);
        slack.ShouldNotContain("<!channel>");
        slack.ShouldNotContain("<http://evil.example|click>");
        slack.ShouldNotContain("<@U123>");
        slack.ShouldNotContain('<');   // no Slack control sequence at all: the only one allowed is an Upwork link, and there is none
        slack.ShouldContain("&lt;!channel&gt;");
        slack.ShouldNotContain("evil.example/jobs");

        var discordBody = JsonDocument.Parse(got.Single(r => r.Path == "/own-discord").Body).RootElement;
        discordBody.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength().ShouldBe(0);
        var discord = discordBody.GetProperty("content").GetString()!;
        discord.ShouldContain(keyword);
        discord.ShouldNotContain("@everyone");
        discord.ShouldNotContain("<@U123>");
        discord.ShouldNotContain("**bold**");
        discord.ShouldContain(@"\*\*bold\*\*");
        discord.ShouldNotContain("evil.example/jobs");
    }

    [Fact]
    public async Task An_upwork_job_link_is_printed_as_a_plain_link()
    {
        var keyword = "lnk" + Guid.NewGuid().ToString("N")[..8];
        var user = await _harness.ConnectedUserWithSearchAsync(keyword);
        await AddChannelsAsync(user, "link");
        var upworkId = "1" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999);
        (await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste",
            new { title = $"{keyword} dashboard", upworkJobId = upworkId, skills = Array.Empty<string>() })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _harness.App.Services.GetRequiredService<DeliverAlerts>().RunAsync(CancellationToken.None)).ShouldBe(2);

        var got = _receivers.Received.ToList();
        JsonDocument.Parse(got.Single(r => r.Path == "/link-slack").Body).RootElement.GetProperty("text").GetString()!
            .ShouldEndWith($"\n<https://www.upwork.com/jobs/~02{upworkId}>");
        JsonDocument.Parse(got.Single(r => r.Path == "/link-discord").Body).RootElement.GetProperty("content").GetString()!
            .ShouldEndWith($"\n<https://www.upwork.com/jobs/~02{upworkId}>");
    }

    [Fact]
    public async Task A_members_pasted_job_naming_an_upwork_id_reaches_no_other_member_by_search_detail_alert_or_channel()
    {
        var keyword = "pub" + Guid.NewGuid().ToString("N")[..8];
        var attacker = await _harness.ConnectedUserWithSearchAsync(keyword);
        var victim = await _harness.ConnectedUserWithSearchAsync(keyword);
        await AddChannelsAsync(attacker, "attacker");
        await AddChannelsAsync(victim, "victim");
        var upworkId = "1" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999);

        var pasted = await Envelope.ReadAsync(await attacker.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste",
            new { title = $"{keyword} {Attack}", upworkJobId = upworkId, skills = Array.Empty<string>() }));
        pasted.Status.ShouldBe(HttpStatusCode.Created);
        var jobId = pasted.Data.As<Created>().Id;
        (await _harness.App.Services.GetRequiredService<DeliverAlerts>().RunAsync(CancellationToken.None)).ShouldBe(2);

        // The attacker's own alert went through every step (the later event), so the victim's absence is proven, not awaited.
        (await attacker.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread.ShouldBe(1);
        _receivers.Received.Select(r => r.Path).ShouldBe(["/attacker-slack", "/attacker-discord"], ignoreOrder: true);
        (await victim.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread.ShouldBe(0);
        (await victim.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={keyword}")).Data.As<JobPage>().Items.ShouldBeEmpty();
        (await victim.Http.GetAsync($"/api/v1/upwork/jobs/{jobId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await attacker.Http.GetAsync($"/api/v1/upwork/jobs/{jobId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
