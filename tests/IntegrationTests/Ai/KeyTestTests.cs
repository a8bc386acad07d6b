using FakeAi;

namespace IntegrationTests.Ai;

/// <summary>"Test connection" for a stored key: Identity owns the key, the AI module lists the provider's models with it.</summary>
public sealed class KeyTestTests(AiHarness ai) : IClassFixture<AiHarness>
{
    private static async Task<Guid> SaveKeyAsync(SignedInClient user, object body)
    {
        var saved = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/identity/keys", body));
        saved.Status.ShouldBe(HttpStatusCode.Created, saved.Root.ToString());
        return saved.Data.As<Created>().Id;
    }

    private static async Task<(Envelope Envelope, string Raw)> TestAsync(SignedInClient user, Guid id)
    {
        var response = await user.Http.PostAsync($"/api/v1/identity/keys/{id}/test", null);
        var raw = await response.Content.ReadAsStringAsync();
        return (await Envelope.ReadAsync(response), raw);
    }

    [Fact]
    public async Task A_good_openai_key_tests_ok_and_a_wrong_one_fails_with_openais_reason_without_the_key_coming_back()
    {
        var (user, _, _) = await ai.ReadyAsync();

        var good = await SaveKeyAsync(user, new { provider = "openai", apiKey = FakeAiOptions.DefaultOpenAIKey });
        var (ok, _) = await TestAsync(user, good);
        ok.Status.ShouldBe(HttpStatusCode.OK);
        ok.Data.As<KeyTestResult>().Ok.ShouldBeTrue(ok.Root.ToString());
        ok.Message.ShouldStartWith("OpenAI accepted the key");
        ai.Fake.Received.ShouldContain(r => r.Path == "/v1/models" && r.ApiKey == FakeAiOptions.DefaultOpenAIKey);

        const string wrong = "sk-wrong-key-0123456789-abcd";
        var bad = await SaveKeyAsync(user, new { provider = "openai", apiKey = wrong });
        var (failed, raw) = await TestAsync(user, bad);
        failed.Status.ShouldBe(HttpStatusCode.OK);
        failed.Data.As<KeyTestResult>().Ok.ShouldBeFalse();
        failed.Data.As<KeyTestResult>().Message!.ShouldStartWith("OpenAI refused the key: Incorrect API key provided");
        raw.ShouldNotContain(wrong);
    }

    [Fact]
    public async Task An_anthropic_key_is_tested_with_its_own_headers_and_a_wrong_one_fails_with_anthropics_reason()
    {
        var (user, _, _) = await ai.ReadyAsync();

        var good = await SaveKeyAsync(user, new { provider = "anthropic", apiKey = FakeAiOptions.DefaultAnthropicKey });
        var (ok, _) = await TestAsync(user, good);
        ok.Data.As<KeyTestResult>().Ok.ShouldBeTrue(ok.Root.ToString());
        ok.Message.ShouldStartWith("Anthropic accepted the key");
        var request = ai.Fake.Received.Last(r => r.Path == "/v1/models");
        request.Provider.ShouldBe(FakeAiProviders.Anthropic);
        request.Headers["anthropic-version"].ShouldBe("2023-06-01");

        var bad = await SaveKeyAsync(user, new { provider = "anthropic", apiKey = "sk-ant-wrong-000000000" });
        var (failed, raw) = await TestAsync(user, bad);
        failed.Data.As<KeyTestResult>().Ok.ShouldBeFalse();
        failed.Message.ShouldBe("Anthropic refused the key: invalid x-api-key");
        raw.ShouldNotContain("sk-ant-wrong-000000000");
    }

    [Fact]
    public async Task A_members_own_base_url_on_this_machine_is_refused_by_the_guard_unless_local_models_are_allowed()
    {
        var (user, _, _) = await ai.ReadyAsync();

        var local = await SaveKeyAsync(user, new { provider = "openai_compatible", apiKey = FakeAiOptions.DefaultOpenAIKey, baseUrl = ai.Fake.OpenAIEndpoint });
        var (result, _) = await TestAsync(user, local);

        result.Data.As<KeyTestResult>().Ok.ShouldBeFalse();
        result.Message.ShouldContain("local and private addresses are off");
    }

    [Fact]
    public async Task Another_users_key_id_answers_404_and_is_never_used()
    {
        var (alice, _, _) = await ai.ReadyAsync();
        var mallory = await ai.App.CreateSignedInClientAsync();
        var alicesKey = await SaveKeyAsync(alice, new { provider = "openai", apiKey = FakeAiOptions.DefaultOpenAIKey });
        var before = ai.Fake.Received.Count();

        var (refused, _) = await TestAsync(mallory, alicesKey);
        var (missing, _) = await TestAsync(mallory, Guid.NewGuid());

        refused.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        refused.Message.ShouldBe($"Key {alicesKey} was not found");
        ai.Fake.Received.Count().ShouldBe(before);
    }
}
