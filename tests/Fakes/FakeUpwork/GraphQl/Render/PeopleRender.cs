using FakeUpwork.Data;

namespace FakeUpwork.GraphQl.Render;

/// <summary>Renders users, organizations and freelancer profiles.</summary>
internal static class PeopleRender
{
    public static Node CurrentUser(FakeUser user) => new()
    {
        ["id"] = user.Id,
        ["nid"] = user.Nid,
        ["rid"] = user.Rid,
        ["email"] = user.Email,
        ["name"] = user.Name,
        ["photoUrl"] = user.PhotoUrl,
        ["ciphertext"] = user.Ciphertext,
        ["freelancerProfile"] = user.FreelancerProfile is null ? null : new Func<object?>(() => Profile(user)),
    };

    public static Node GenericUser(FakeUser user) => new()
    {
        ["id"] = user.Id,
        ["nid"] = user.Nid,
        ["rid"] = user.Rid,
        ["name"] = user.Name,
        ["firstName"] = user.FreelancerProfile?.FirstName,
        ["lastName"] = user.FreelancerProfile?.LastName,
        ["photoUrl"] = user.PhotoUrl,
        ["publicUrl"] = "https://www.upwork.com/freelancers/" + user.Ciphertext,
        ["email"] = user.Email,
        ["ciphertext"] = user.Ciphertext,
    };

    public static Node Organization(FakeOrganization org) => new()
    {
        ["id"] = org.Id,
        ["rid"] = org.Rid,
        ["legacyId"] = org.Rid,
        ["name"] = org.Name,
        ["type"] = org.Type,
        ["legacyType"] = org.LegacyType,
        ["flag"] = new Node { ["client"] = false, ["vendor"] = true, ["agency"] = org.Agency, ["individual"] = !org.Agency },
        ["parentOrganization"] = null,
        ["active"] = true,
        ["hidden"] = false,
        ["photoUrl"] = org.PhotoUrl,
        ["creationDate"] = "2017-06-01T00:00:00+0000",
    };

    public static Node CompanySelector(FakeUser user) => new()
    {
        ["items"] = user.Organizations.Select(o => new Node
        {
            ["title"] = o.Name,
            ["photoUrl"] = o.PhotoUrl,
            ["organizationId"] = o.Id,
            ["organizationRid"] = o.Rid,
            ["organizationType"] = o.Type,
            ["organizationLegacyType"] = o.LegacyType,
            ["organizationEnterpriseType"] = null,
            ["legacyEnterpriseOrganization"] = false,
            ["typeTitle"] = o.TypeTitle,
        }).ToList(),
    };

    public static Node? Profile(FakeUser user)
    {
        var p = user.FreelancerProfile;
        if (p is null)
        {
            return null;
        }

        var portrait = user.PhotoUrl is null ? null : new Node
        {
            ["portrait"] = user.PhotoUrl,
            ["portrait32"] = user.PhotoUrl,
            ["portrait50"] = user.PhotoUrl,
            ["portrait100"] = user.PhotoUrl,
            ["portrait150"] = user.PhotoUrl,
            ["portrait500"] = user.PhotoUrl,
        };
        return new Node
        {
            ["user"] = CurrentUser(user),
            ["userDetails"] = GenericUser(user),
            ["personalData"] = new Node
            {
                ["firstName"] = p.FirstName,
                ["lastName"] = p.LastName,
                ["portrait"] = portrait,
                ["title"] = p.Title,
                ["description"] = p.Description,
                ["address"] = new Node { ["countryName"] = p.Country, ["cityName"] = p.City, ["zip"] = null, ["timezone"] = p.Timezone, ["street"] = null },
                ["chargeRate"] = Fmt.Money(p.ChargeRate),
                ["profileUrl"] = "https://www.upwork.com/freelancers/" + user.Ciphertext,
            },
            ["skills"] = new Node { ["edges"] = p.Skills.Select(s => new Node { ["node"] = Ontology.Skill(s) }).ToList() },
            ["aggregates"] = new Node
            {
                ["lastWorkedDateTime"] = null,
                ["totalHourlyJobs"] = p.TotalHourlyJobs,
                ["totalFixedJobs"] = p.TotalFixedJobs,
                ["totalRevenue"] = Fmt.Money(Math.Round(p.TotalEarnings * 0.9m, 2)),
                ["activeInterviews"] = 2,
                ["currentContracts"] = user.WorkHistory.Count(w => w.Status == "ACTIVE"),
                ["jobSuccessScore"] = p.JobSuccessScore,
                ["topRatedStatus"] = p.TopRatedStatus,
                ["topRatedPlusStatus"] = "not_eligible",
                ["vetted"] = false,
                ["totalHours"] = p.TotalHours,
                ["totalFeedback"] = p.TotalFeedback,
                ["billedContracts"] = p.TotalHourlyJobs + p.TotalFixedJobs,
                ["adjustedFeedbackScore"] = p.TotalFeedback,
                ["lastActivityDateTime"] = null,
                ["totalEarnings"] = Fmt.Money(p.TotalEarnings),
            },
            ["availability"] = new Node
            {
                ["id"] = Ontology.StableId(user.Id, "1181"),
                ["capacity"] = "MORE_THAN_30",
                ["availabilityDateTime"] = null,
                ["name"] = "More than 30 hrs/week",
                ["createdDateTime"] = "2024-02-11T10:00:00+0000",
            },
            ["fullName"] = p.FirstName + " " + p.LastName,
            ["firstName"] = p.FirstName,
            ["lastName"] = p.LastName,
            ["countryDetails"] = new Node { ["id"] = null, ["name"] = p.Country, ["twoLetterAbbreviation"] = null, ["threeLetterAbbreviation"] = null },
            ["email"] = user.Email,
            ["portrait"] = portrait,
        };
    }
}
