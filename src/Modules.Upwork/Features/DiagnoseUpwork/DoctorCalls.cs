using System.Collections;
using System.Reflection;
using System.Text.Json;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Proposals;
using Modules.Upwork.Searches;

namespace Modules.Upwork.Features.DiagnoseUpwork;

/// <summary>
/// Every operation the client sends, found by reflection on <see cref="UpworkQueries"/> (each static method that
/// returns an <see cref="UpworkCall"/>), so a query added or changed there is checked without touching the doctor.
/// Each method is called with sample arguments to get the exact text and the variables as we send them; parameters
/// whose values reach an enum get every value the app can send (each proposal status the sync asks for, each
/// job type and experience level of the saved-search form).
/// </summary>
internal static class DoctorCalls
{
    /// <summary>One operation: its factory method, and one call per sample (same text, different variables).</summary>
    internal sealed record Operation(string Method, IReadOnlyList<UpworkCall> Calls, string? Problem);

    public static IReadOnlyList<Operation> All() =>
        typeof(UpworkQueries).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(UpworkCall) && !m.IsSpecialName && !m.IsGenericMethodDefinition)
            .OrderBy(m => m.MetadataToken)   // as written in the file
            .Select(Sample)
            .ToList();

    /// <summary>The variables exactly as <c>UpworkGraphQlClient</c> puts them on the wire (JsonContent's web defaults).</summary>
    public static JsonElement? Variables(UpworkCall call) =>
        call.Variables is null ? null : JsonSerializer.SerializeToElement(call.Variables, JsonSerializerOptions.Web);

    private static Operation Sample(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var choices = parameters.Select(Samples).ToList();
        // The first sample of each parameter, then each further sample of one parameter with the others at their first.
        var argumentSets = new List<object?[]> { choices.Select(c => c[0]).ToArray() };
        for (var p = 0; p < parameters.Length; p++)
            foreach (var extra in choices[p].Skip(1))
            {
                var set = choices.Select(c => c[0]).ToArray();
                set[p] = extra;
                argumentSets.Add(set);
            }
        var calls = new List<UpworkCall>();
        string? problem = null;
        foreach (var arguments in argumentSets)
        {
            try
            {
                calls.Add((UpworkCall)method.Invoke(null, arguments)!);
            }
            catch (TargetInvocationException ex)
            {
                problem = $"{method.Name} could not be called with sample arguments: {ex.InnerException?.Message}";
            }
        }
        return new Operation(method.Name, calls, problem);
    }

    private static IReadOnlyList<object?> Samples(ParameterInfo parameter)
    {
        var nullable = new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
        var values = SamplesOf(parameter.Name ?? "", parameter.ParameterType, depth: 0);
        return nullable && !parameter.ParameterType.IsValueType ? [null, .. values] : values;
    }

    private static IReadOnlyList<object?> SamplesOf(string name, Type type, int depth)
    {
        var underlying = System.Nullable.GetUnderlyingType(type);
        if (underlying is not null) return [null, .. SamplesOf(name, underlying, depth)];
        if (type == typeof(string))
        {
            if (name.Equals("status", StringComparison.OrdinalIgnoreCase)) return ProposalMoves.UpworkStatuses.Select(s => (object?)s.Upwork).ToList();
            if (name.Equals("after", StringComparison.OrdinalIgnoreCase)) return ["40"];
            return ["1978704153911649005"];   // ids are numeric strings; other text only has to be a string
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return [Convert.ChangeType(10, type, System.Globalization.CultureInfo.InvariantCulture)];
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return [Convert.ChangeType(25.5, type, System.Globalization.CultureInfo.InvariantCulture)];
        if (type == typeof(bool)) return [true, false];
        if (type.IsAssignableFrom(typeof(SortedDictionary<string, object?>)))
            return SearchFilters();
        if (type.IsEnum) return Enum.GetValues(type).Cast<object?>().ToList();
        if (depth > 3) return [null];
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(object);
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(SamplesOf(name, item, depth + 1)[^1]);
            if (type.IsArray)
            {
                var array = Array.CreateInstance(item, 1);
                list.CopyTo(array, 0);
                return [array];
            }
            return type.IsAssignableFrom(list.GetType()) ? [list] : [null];
        }
        // A record or tuple: its widest constructor, each argument sampled in turn.
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null) return [type.IsValueType ? Activator.CreateInstance(type) : null];
        var arguments = constructor.GetParameters().Select(p => SamplesOf(p.Name ?? "", p.ParameterType, depth + 1)[^1]).ToArray();
        return [constructor.Invoke(arguments)];
    }

    /// <summary>The filter the sync sends for saved searches covering every choice of the saved-search form.</summary>
    private static IReadOnlyList<object?> SearchFilters()
    {
        string[] jobTypes = ["hourly", "fixed"];
        string[] levels = ["entry", "intermediate", "expert"];
        return jobTypes.SelectMany(_ => levels, (jobType, level) => (object?)UpworkSearchFilter.From(new SavedSearch
        {
            Name = "doctor",
            FilterKey = "doctor",
            Query = "python AND (django OR flask)",
            Skills = ["C#", "ASP.NET Core"],
            JobType = jobType,
            ExperienceLevel = level,
            PaymentVerifiedOnly = true,
        })).ToList();
    }
}
