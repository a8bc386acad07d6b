using FakeAi;
using static IntegrationTests.Ai.AiTestData;

namespace IntegrationTests.Ai;

/// <summary>The AI harness with a tiny workspace ceiling on shared-key spending, so one letter reaches it.</summary>
public sealed class TinySharedKeyCeiling : AiHarness
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Ai:SharedKeys:MonthlySpendingCapUsd"] = "0.000001",
        ["Ai:SharedKeys:MaxTokens"] = "1500",
    };
}

/// <summary>
/// Issue 17 item 10, performed: a member tries to spend the workspace's keys without limit — no cap of their own
/// (0) or a huge one, a model of their choosing, the longest answers — and the admin's ceilings hold. With their own
/// key the member's settings are theirs to choose.
/// </summary>
public sealed class SharedKeyLimitsTests(TinySharedKeyCeiling ai) : IClassFixture<TinySharedKeyCeiling>
{
    private static object Greedy(string? model = "gpt-unpriced-9", decimal cap = 0) =>
        new { providerOrder = new[] { "openai" }, openAIModel = model, maxTokens = 8000, monthlySpendingCapUsd = cap };

    [Fact]
    public async Task On_the_workspace_key_a_member_gets_only_allowed_models_and_the_admins_token_ceiling()
    {
        var (user, jobId, profileId) = await ai.ReadyAsync();
        (await user.Http.PutAsJsonAsync("/api/v1/ai/settings", Greedy())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Envelope.ReadAsync(await GenerateAsync(user, new { jobPostingId = jobId, profileId }));

        response.Status.ShouldBe(HttpStatusCode.OK, response.Root.ToString());
        response.Data.As<Letter>().Model.ShouldBe("gpt-4o", response.Root.ToString());
        var sent = ai.Fake.Received.Last(FakeAiProviders.OpenAI)!;
        sent.Model.ShouldBe("gpt-4o");
        sent.MaxTokens.ShouldBe(1500);
        response.Data.As<Letter>().Attempts.Select(a => a.Outcome)
            .ShouldContain(o => o.Contains("gpt-unpriced-9 is not on the workspace key's model list"));
        var openai = (await user.Http.GetEnvelopeAsync("/api/v1/ai/providers")).Data.As<IReadOnlyList<AiProvider>>().First(p => p.Kind == "openai");
        openai.Model.ShouldBe("gpt-4o → gpt-4o-mini");
        openai.Note!.ShouldContain("not on the workspace key's model list");
        var settings = (await user.Http.GetEnvelopeAsync("/api/v1/ai/settings")).Data.As<AiSharedKeys>().SharedKeys;
        settings.MaxTokens.ShouldBe(1500);
        settings.Models.ShouldContain("claude-opus-4-1");
    }

    [Theory]
    [InlineData(0)]          // "none"
    [InlineData(100_000)]    // far above the ceiling
    public async Task A_members_own_cap_cannot_lift_the_ceiling_on_the_workspace_key(decimal cap)
    {
        var (user, jobId, profileId) = await ai.ReadyAsync();
        (await user.Http.PutAsJsonAsync("/api/v1/ai/settings", Greedy("gpt-4o", cap))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Envelope.ReadAsync(await GenerateAsync(user, new { jobPostingId = jobId, profileId, tone = "friendly" }))).Status.ShouldBe(HttpStatusCode.OK);
        var calls = ai.Fake.Received.Count(FakeAiProviders.OpenAI);

        var second = await Envelope.ReadAsync(await GenerateAsync(user, new { jobPostingId = jobId, profileId, tone = "formal" }));

        second.Status.ShouldBe(HttpStatusCode.TooManyRequests, second.Root.ToString());
        second.Root.ToString().ShouldContain("the workspace's limit on its shared keys");
        ai.Fake.Received.Count(FakeAiProviders.OpenAI).ShouldBe(calls);   // refused before any paid call
    }

    [Fact]
    public async Task With_their_own_key_a_member_chooses_model_length_and_cap()
    {
        var (user, jobId, profileId) = await ai.ReadyAsync();
        ai.Fake.Options.OpenAIKey = "sk-user-own-key-777777";
        (await user.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "openai", apiKey = "sk-user-own-key-777777" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await user.Http.PutAsJsonAsync("/api/v1/ai/settings", Greedy("gpt-4.1", 0))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var first = await Envelope.ReadAsync(await GenerateAsync(user, new { jobPostingId = jobId, profileId, tone = "friendly" }));
        var second = await Envelope.ReadAsync(await GenerateAsync(user, new { jobPostingId = jobId, profileId, tone = "formal" }));

        first.Status.ShouldBe(HttpStatusCode.OK, first.Root.ToString());
        second.Status.ShouldBe(HttpStatusCode.OK, second.Root.ToString());   // no workspace ceiling on the member's own money
        var sent = ai.Fake.Received.Last(FakeAiProviders.OpenAI)!;
        sent.Model.ShouldBe("gpt-4.1");
        sent.MaxTokens.ShouldBe(8000);
    }
}
