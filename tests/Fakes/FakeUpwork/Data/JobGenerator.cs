using System.Globalization;
using System.Text;

namespace FakeUpwork.Data;

/// <summary>Deterministic generator of realistic jobs and ids. Not thread-safe: the state calls it under its lock.</summary>
internal sealed class JobGenerator(int seed)
{
    private readonly Random _random = new(seed);

    public Random Random => _random;

    /// <summary>A 19-digit id starting with "19", like live job ids.</summary>
    public string NewId19(string prefix = "19") =>
        prefix + string.Concat(Enumerable.Range(0, 19 - prefix.Length).Select(_ => (char)('0' + _random.Next(10))));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<T> PickSome<T>(IReadOnlyList<T> items, int min, int max)
    {
        var count = Math.Min(items.Count, _random.Next(min, max + 1));
        return [.. items.OrderBy(_ => _random.Next()).Take(count)];
    }

    private decimal Round(decimal value, decimal step) => Math.Max(step, Math.Round(value / step) * step);

    private decimal Between(decimal min, decimal max) => min + (decimal)_random.NextDouble() * (max - min);

    /// <summary>Builds a job published at <paramref name="publishedAt"/>; the caller assigns a unique id.</summary>
    public FakeJob Create(DateTimeOffset publishedAt)
    {
        var template = Pick(JobCatalog.Templates);
        var product = Pick(JobCatalog.Products);
        var titleSpec = Pick(template.Titles).Split('|');
        var title = titleSpec[0].Replace("{product}", TitleCase(product), StringComparison.Ordinal);
        var forcedSkills = titleSpec.Length > 1 ? titleSpec[1].Split(';') : [];
        var isHourly = template.Type switch
        {
            "HOURLY" => true,
            "FIXED" => false,
            _ => _random.NextDouble() < 0.55,
        };

        var job = new FakeJob
        {
            Title = title,
            Description = Describe(template, product),
            Skills = forcedSkills.Length > 0
                ? [.. forcedSkills, .. PickSome([.. template.Skills.Except(forcedSkills)], 1, 3)]
                : PickSome(template.Skills, 3, 7),
            Category = template.Sub.Category.Slug,
            CategoryId = template.Sub.Category.Id,
            CategoryLabel = template.Sub.Category.Label,
            Subcategory = template.Sub.Slug,
            SubcategoryId = template.Sub.Id,
            SubcategoryLabel = template.Sub.Label,
            OccupationId = template.OccupationId,
            OccupationLabel = template.OccupationLabel,
            JobType = isHourly ? "HOURLY" : "FIXED",
            ExperienceLevel = Pick(["ENTRY_LEVEL", "INTERMEDIATE", "INTERMEDIATE", "EXPERT", "EXPERT"]),
            TotalApplicants = Pick([0, 1, 3, 5, 8, 12, 15, 20, 26, 35, 50]) + _random.Next(3),
            FreelancersToHire = _random.NextDouble() < 0.9 ? 1 : _random.Next(2, 5),
            PublishedDateTime = publishedAt,
            CreatedDateTime = publishedAt.AddSeconds(-1),
            Premium = _random.NextDouble() < 0.12,
            Enterprise = _random.NextDouble() < 0.05,
            CoverLetterRequired = _random.NextDouble() < 0.85,
            EnglishProficiency = Pick(["ANY", "CONVERSATIONAL", "FLUENT", "FLUENT", "NATIVE"]),
            RisingTalent = _random.NextDouble() < 0.8,
            HasPortfolio = _random.NextDouble() < 0.3,
            JobSuccessScore = _random.NextDouble() < 0.3 ? 90 : null,
            HoursWorked = _random.NextDouble() < 0.2 ? 100 : null,
            InvitesSent = _random.Next(0, 6),
        };

        job.TotalInvitedToInterview = _random.Next(0, Math.Min(job.TotalApplicants, 4) + 1);
        job.TotalUnansweredInvites = _random.Next(0, job.InvitesSent + 1);
        job.LastClientActivity = job.TotalApplicants > 0 ? publishedAt.AddMinutes(_random.Next(5, 600)) : null;

        if (isHourly)
        {
            job.Duration = Pick(["WEEK", "MONTH", "QUARTER", "SEMESTER", "ONGOING"]);
            job.Engagement = _random.NextDouble() switch
            {
                < 0.65 => "Less than 30 hrs/week",
                < 0.9 => "30+ hrs/week",
                _ => null,
            };
            if (_random.NextDouble() < 0.85)
            {
                var min = Round(Between(template.MinRate, template.MaxRate * 0.8m), 5m);
                var max = Round(min + Between(5m, Math.Max(10m, template.MaxRate - min)), 5m);
                job.HourlyMin = min;
                job.HourlyMax = Math.Max(max, min + 5m);
            }
        }
        else
        {
            job.Duration = _random.NextDouble() < 0.8 ? Pick(["WEEK", "WEEK", "MONTH", "QUARTER"]) : null;
            var step = template.MaxBudget >= 2000m ? 50m : 5m;
            var min = template.MinBudget > 0 ? template.MinBudget : 50m;
            var max = template.MaxBudget > 0 ? template.MaxBudget : 500m;
            job.FixedAmount = Round(Between(min, max), step);
        }

        job.DurationLabel = JobCatalog.DurationLabel(job.Duration);

        if (_random.NextDouble() < 0.5)
        {
            job.ScreeningQuestions = PickSome(JobCatalog.Questions, 1, 3);
        }

        if (_random.NextDouble() < 0.15)
        {
            job.PreferredFreelancerLocation = [Pick(["United States", "Canada", "United Kingdom", "Australia"])];
            job.PreferredFreelancerLocationMandatory = _random.NextDouble() < 0.5;
        }

        job.Client = CreateClient(publishedAt);
        return job;
    }

    private FakeJobClient CreateClient(DateTimeOffset now)
    {
        var place = Pick(JobCatalog.Places);
        var isNew = _random.NextDouble() < 0.25;
        var hires = isNew ? 0 : Pick([1, 2, 4, 7, 12, 25, 48, 110]) + _random.Next(4);
        var reviews = hires == 0 ? 0 : _random.Next(0, hires + 1);
        var spent = hires == 0 ? 0m : Math.Round(Between(50m, 2500m) * hires, 2);
        return new FakeJobClient
        {
            TotalHires = hires,
            TotalPostedJobs = hires + _random.Next(1, 12),
            TotalReviews = reviews,
            TotalFeedback = reviews == 0 ? 0d : Math.Round(3.4 + (_random.NextDouble() * 1.6), 2),
            TotalSpent = spent,
            PaymentVerified = _random.NextDouble() < 0.8,
            Country = place.Country,
            City = place.City,
            State = place.State,
            Timezone = place.Timezone,
            OffsetToUtc = place.Offset,
            CompanyRid = Fmt.Int(_random.Next(1_000_000, 9_999_999)),
            CompanyOrgUid = NewId19("14"),
            EdcUserId = Fmt.Int(_random.Next(10_000_000, 99_999_999)),
            HasFinancialPrivacy = _random.NextDouble() < 0.05,
            MemberSince = now.AddDays(-_random.Next(10, 3000)),
        };
    }

    private string Describe(JobTemplate template, string product)
    {
        var text = new StringBuilder();
        text.Append(Pick(template.Intros).Replace("{product}", product, StringComparison.Ordinal));
        text.Append("\n\nWhat you will do:\n");
        foreach (var task in PickSome(template.Tasks, 3, 5))
        {
            text.Append("- ").Append(task).Append('\n');
        }

        text.Append("\nWhat we are looking for:\n");
        foreach (var requirement in PickSome(template.Requirements, 2, 4))
        {
            text.Append("- ").Append(requirement).Append('\n');
        }

        text.Append('\n').Append(Pick(JobCatalog.Closings));
        return text.ToString();
    }

    private static string TitleCase(string text) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text).Replace("B2B Saas", "B2B SaaS", StringComparison.Ordinal).Replace("Hr ", "HR ", StringComparison.Ordinal);
}
