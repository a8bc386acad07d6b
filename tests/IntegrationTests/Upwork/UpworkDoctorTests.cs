using FakeUpwork;
using Modules.Upwork;

namespace IntegrationTests.Upwork;

/// <summary>
/// <c>upwork-doctor</c> and the admin's "Check against Upwork's schema": every type, field, argument and enum value our
/// queries send, confirmed against the (fake's) live schema by type-level introspection, one <c>__type</c> per request.
/// </summary>
public sealed class UpworkDoctorTests(UpworkDoctorTests.Harness harness) : IClassFixture<UpworkDoctorTests.Harness>
{
    public sealed class Harness : UpworkHarness
    {
        private Task<SignedInClient>? _admin;

        /// <summary>The first account (the admin), with Upwork connected.</summary>
        public Task<SignedInClient> AdminAsync() => _admin ??= ConnectAdminAsync();

        private async Task<SignedInClient> ConnectAdminAsync()
        {
            var admin = await App.CreateSignedInClientAsync();
            await ConnectAsync(admin);
            return admin;
        }
    }

    /// <summary>Operations UpworkQueries has today (more may come: the doctor finds them by reflection).</summary>
    private static readonly string[] Operations = ["Identity", "SearchJobs", "VendorProposals", "CreateJobProposal", "FreelancerProfile"];

    [Fact]
    public async Task Against_the_fake_every_operation_matches_and_each_request_asks_for_one_type()
    {
        var admin = await harness.AdminAsync();
        harness.Fake.Stats.Reset();

        var report = await Envelope.ReadAsync(await admin.Http.PostAsync("/api/v1/upwork/doctor", null));

        report.Status.ShouldBe(HttpStatusCode.OK);
        var doctor = report.Data.As<DoctorReportView>();
        doctor.Passed.ShouldBeTrue(report.Root.GetRawText());
        var operations = doctor.Operations;
        // Every operation of UpworkQueries is checked, whatever is added there later.
        operations.Count.ShouldBe(Modules.Upwork.Features.DiagnoseUpwork.DoctorCalls.All().Count);
        Operations.ShouldBeSubsetOf(operations.Select(o => o.Name));
        foreach (var operation in operations)
        {
            operation.Passed.ShouldBeTrue();
            operation.Matches.ShouldBeGreaterThan(0);
        }
        var subjects = operations.SelectMany(o => o.Findings).Select(f => f.Subject).ToList();
        subjects.ShouldContain("MarketplaceJobPostingSearchResult.ciphertext");
        subjects.ShouldContain("Query.marketplaceJobPostingsSearch(marketPlaceJobFilter:)");
        subjects.ShouldContain("MarketplaceJobPostingSearchType.USER_JOBS_SEARCH");   // an enum literal in the text
        subjects.ShouldContain("VendorProposalStatusFilterInput.Withdrawn");          // an enum value sent in the variables
        subjects.ShouldContain("ExperienceLevel.ENTRY_LEVEL");

        var requests = harness.Fake.Stats.Requests.Where(r => r.Path == "/graphql").ToList();
        requests.Count.ShouldBe(doctor.TypesChecked);
        requests.ShouldAllBe(r => r.OperationName == "UpworkDoctorType" && r.RootFields.Count == 1 && r.RootFields[0] == "__type" && r.StatusCode == 200);
    }

    [Fact]
    public async Task With_one_field_renamed_upwork_side_the_doctor_names_that_field_and_the_query_that_would_fail()
    {
        var admin = await harness.AdminAsync();
        harness.Fake.UseSchema(FakeUpworkServer.SchemaWithRenamedField("MarketplaceJobPostingSearchResult", "ciphertext", "cipherText"));
        try
        {
            var report = await Envelope.ReadAsync(await admin.Http.PostAsync("/api/v1/upwork/doctor", null));

            report.Status.ShouldBe(HttpStatusCode.OK);
            var doctor = report.Data.As<DoctorReportView>();
            doctor.Passed.ShouldBeFalse();
            var failing = doctor.Operations.Where(o => !o.Passed).ToList();
            failing.Select(o => o.Name).ShouldBe(["SearchJobs"]);
            var mismatch = failing[0].Findings.Single(f => f.Outcome == "Mismatch");
            mismatch.Subject.ShouldBe("MarketplaceJobPostingSearchResult.ciphertext");
            mismatch.Message.ShouldBe("MarketplaceJobPostingSearchResult has no field ciphertext (did you mean cipherText?)");
            mismatch.LineText!.ShouldStartWith("id ciphertext title description");
            mismatch.Line!.Value.ShouldBeGreaterThan(1);
        }
        finally
        {
            harness.Fake.UseSchema(null);
        }
    }

    [Fact]
    public async Task Members_are_refused_the_check()
    {
        await harness.AdminAsync();
        var member = await harness.App.CreateSignedInClientAsync();
        await harness.ConnectAsync(member);
        harness.Fake.Stats.Reset();

        (await member.Http.PostAsync("/api/v1/upwork/doctor", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await harness.App.CreateClient().PostAsync("/api/v1/upwork/doctor", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        harness.Fake.Stats.GraphQlRequests.ShouldBe(0);
    }

    [Fact]
    public async Task The_command_checks_with_the_first_admins_connection_and_exits_0_when_everything_matches()
    {
        await harness.AdminAsync();
        var output = new StringWriter();

        var exit = await UpworkModule.RunDoctorAsync(harness.App.Services, [], output);

        exit.ShouldBe(0, output.ToString());
        var text = output.ToString();
        text.ShouldContain("as John S. (foofreelancer)");
        foreach (var operation in Operations) text.ShouldContain($"OK       {operation} (");
        text.ShouldContain("All match: ");
    }

    [Fact]
    public async Task The_command_exits_2_without_a_usable_connection_and_64_on_bad_usage()
    {
        await harness.AdminAsync();
        var member = await harness.App.CreateSignedInClientAsync();   // never connected Upwork
        var output = new StringWriter();

        (await UpworkModule.RunDoctorAsync(harness.App.Services, ["--user", member.Email], output)).ShouldBe(2);
        output.ToString().ShouldContain("has not connected Upwork");
        (await UpworkModule.RunDoctorAsync(harness.App.Services, ["--user", "nobody@example.invalid"], output)).ShouldBe(2);
        (await UpworkModule.RunDoctorAsync(harness.App.Services, ["--frobnicate"], output)).ShouldBe(64);
    }

    [Fact]
    public async Task The_command_names_an_enum_value_sent_in_variables_and_a_variable_whose_type_no_longer_fits_then_exits_1()
    {
        var admin = await harness.AdminAsync();
        var sdl = FakeUpworkServer.SchemaWithRenamedField("VendorProposalStatusFilterInput", "Withdrawn", "WITHDRAWN");
        var stricter = sdl.Replace("marketPlaceJobFilter: MarketplaceJobPostingsSearchFilter\n", "marketPlaceJobFilter: MarketplaceJobPostingsSearchFilter!\n");
        stricter.ShouldNotBe(sdl);
        harness.Fake.UseSchema(stricter);
        try
        {
            var output = new StringWriter();

            var exit = await UpworkModule.RunDoctorAsync(harness.App.Services, ["--user", admin.Email], output);

            var text = output.ToString();
            exit.ShouldBe(1, text);
            text.ShouldContain("MISMATCH VendorProposals (query)");
            text.ShouldContain("x VendorProposalStatusFilterInput.Withdrawn: VendorProposalStatusFilterInput has no value Withdrawn (did you mean WITHDRAWN?) (used in $filter.status_eq)");
            text.ShouldContain("VendorProposals line 1: query VendorProposals($filter: VendorProposalFilter!");
            text.ShouldContain("MISMATCH SearchJobs (query)");
            text.ShouldContain("x Query.marketplaceJobPostingsSearch(marketPlaceJobFilter:): expects MarketplaceJobPostingsSearchFilter!, but $filter is declared as MarketplaceJobPostingsSearchFilter");
            text.ShouldContain("SearchJobs line 3: marketPlaceJobFilter: $filter");
            text.ShouldContain("OK       Identity (query)");
        }
        finally
        {
            harness.Fake.UseSchema(null);
        }
    }
}
