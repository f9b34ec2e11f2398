using System.Text.Json;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

/// <summary>
/// Validated changes to a client's own properties: every property of a create, or the ones a
/// merge-PATCH names (absent = unchanged, null = cleared).
/// </summary>
public sealed class ClientChanges
{
    readonly Dictionary<string, string[]> errors = [];
    readonly DateOnly today;

    ClientChanges(DateOnly today) => this.today = today;

    public bool SetsFirstName { get; private set; }
    public string FirstName { get; private set; } = "";
    public bool SetsLastName { get; private set; }
    public string LastName { get; private set; } = "";
    public bool SetsPreferredName { get; private set; }
    public string? PreferredName { get; private set; }
    public bool SetsDateOfBirth { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    public bool SetsPhone { get; private set; }
    public string? Phone { get; private set; }
    public bool SetsEmail { get; private set; }
    public EmailAddress? Email { get; private set; }
    public bool SetsStatus { get; private set; }
    public ClientStatus Status { get; private set; }
    public bool AllowSharedEmail { get; private set; }

    public static ClientChanges ForCreate(CreateClientRequest request, DateOnly today)
    {
        var changes = new ClientChanges(today) { AllowSharedEmail = request.AllowSharedEmail };
        changes.FirstNameOf(request.FirstName);
        changes.LastNameOf(request.LastName);
        changes.PreferredNameOf(request.PreferredName);
        changes.DateOfBirthOf(request.DateOfBirth);
        changes.PhoneOf(request.Phone);
        changes.EmailOf(request.Email);
        changes.StatusOf(request.Status ?? nameof(ClientStatus.Active));
        return changes.ThrowIfInvalid();
    }

    public static ClientChanges ForPatch(JsonElement body, DateOnly today)
    {
        if (body.ValueKind != JsonValueKind.Object) throw ApiProblem.MalformedJson("The body must be a JSON object.");
        var changes = new ClientChanges(today);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name.ToLowerInvariant();
            if (name == "allowsharedemail")
            {
                if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False) changes.AllowSharedEmail = property.Value.GetBoolean();
                else changes.Fail("allowSharedEmail", "Must be true or false.");
                continue;
            }
            if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                if (IsKnown(name)) changes.Fail(JsonNamingPolicy.CamelCase.ConvertName(property.Name), "Must be a string or null.");
                continue;
            }
            var value = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetString();
            switch (name)
            {
                case "firstname": changes.FirstNameOf(value); break;
                case "lastname": changes.LastNameOf(value); break;
                case "preferredname": changes.PreferredNameOf(value); break;
                case "dateofbirth": changes.DateOfBirthOf(value); break;
                case "phone": changes.PhoneOf(value); break;
                case "email": changes.EmailOf(value); break;
                case "status": changes.StatusOf(value); break;
            }
        }
        return changes.ThrowIfInvalid();
    }

    static bool IsKnown(string name) =>
        name is "firstname" or "lastname" or "preferredname" or "dateofbirth" or "phone" or "email" or "status";

    /// <summary>Applies the changes; true when the primary address changed.</summary>
    public bool ApplyTo(Client client)
    {
        if (SetsFirstName) client.FirstName = FirstName;
        if (SetsLastName) client.LastName = LastName;
        if (SetsPreferredName) client.PreferredName = PreferredName;
        if (SetsDateOfBirth) client.DateOfBirth = DateOfBirth;
        if (SetsPhone) client.Phone = Phone;
        if (SetsStatus) client.Status = Status;
        if (!SetsEmail || client.EmailNormalized == Email?.Normalized && client.Email == Email?.Original) return false;
        client.Email = Email?.Original;
        client.EmailNormalized = Email?.Normalized;
        return true;
    }

    void FirstNameOf(string? value)
    {
        SetsFirstName = true;
        if (Check("firstName", ClientRules.CheckName(value, required: true))) FirstName = value!.Trim();
    }

    void LastNameOf(string? value)
    {
        SetsLastName = true;
        if (Check("lastName", ClientRules.CheckName(value, required: false))) LastName = value?.Trim() ?? "";
    }

    void PreferredNameOf(string? value)
    {
        SetsPreferredName = true;
        if (Check("preferredName", ClientRules.CheckName(value, required: false))) PreferredName = NullIfBlank(value);
    }

    void DateOfBirthOf(string? value)
    {
        SetsDateOfBirth = true;
        if (string.IsNullOrWhiteSpace(value)) return;
        if (Check("dateOfBirth", ClientRules.CheckDateOfBirth(value, today))) DateOfBirth = DateOnly.ParseExact(value.Trim(), "yyyy-MM-dd");
    }

    void PhoneOf(string? value)
    {
        SetsPhone = true;
        if (string.IsNullOrWhiteSpace(value)) return;
        if (Check("phone", ClientRules.CheckPhone(value))) Phone = value.Trim();
    }

    void EmailOf(string? value)
    {
        SetsEmail = true;
        if (string.IsNullOrWhiteSpace(value)) return;
        if (Check("email", ClientRules.CheckEmail(value, out var address))) Email = address;
    }

    void StatusOf(string? value)
    {
        SetsStatus = true;
        if (ClientRules.TryParseStatus(value, out var status)) Status = status;
        else Fail("status", "Must be active or inactive.");
    }

    static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    bool Check(string property, string? error)
    {
        if (error is null) return true;
        Fail(property, error);
        return false;
    }

    void Fail(string property, string error) => errors[property] = [error];

    ClientChanges ThrowIfInvalid() => errors.Count == 0 ? this : throw ApiProblem.Validation(errors);
}
