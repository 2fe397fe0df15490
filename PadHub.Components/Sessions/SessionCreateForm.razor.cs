using PadHub.Components.Pads;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PadHub.Components.Layout;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Sessions;

/// <summary>
/// The home page's session form. Checks the same limits as the server before sending; the server's
/// <see cref="SessionValidationException"/> messages land on the fields they name.
/// </summary>
public sealed partial class SessionCreateForm : ComponentBase
{
    private const string TitleField = "title";
    private const string DescriptionField = "description";
    private const string OrganiserKeyField = "organiser-key";
    private SessionFormModel _model = new();
    private Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private List<string> _generalErrors = [];
    private IWorkshopService? _workshops;
    private ISessionCreationGate? _gate;
    private string? _organiserKey;
    private bool _busy;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SessionCreateForm> L { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SessionFormModel> ModelText { get; set; } = default!;

    [Inject]
    private IStringLocalizer<PadRefusals> Refusals { get; set; } = default!;

    private SessionCreationAccess Access => _gate?.Access ?? SessionCreationAccess.Open;

    // Optional: a host without workshop sessions still serves the home page; a host without a gate lets anyone create.
    protected override void OnInitialized()
    {
        _workshops = Services.GetService<IWorkshopService>();
        _gate = Services.GetService<ISessionCreationGate>();
        // The session's language starts as the page's: its default groups, schedule and pad template follow.
        _model = new SessionFormModel(AppCultures.Current, ModelText);
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorText(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private void AddGroup()
    {
        if (_model.Groups.Count < SessionLimits.MaxGroups)
        {
            _model.Groups.Add(new SessionFormModel.GroupInput { Name = ModelText["DefaultGroupName", _model.Groups.Count + 1] });
        }
    }

    private void RemoveGroup(int index)
    {
        if (_model.Groups.Count > 1)
        {
            _model.Groups.RemoveAt(index);
            _errors.Clear(); // indexes moved: messages would point at the wrong groups
        }
    }

    private void AddPhase()
    {
        if (_model.Phases.Count < SessionLimits.MaxPhases)
        {
            _model.Phases.Add(new SessionFormModel.PhaseInput { Name = "", Minutes = 10 });
        }
    }

    private void RemovePhase(int index)
    {
        if (_model.Phases.Count > 1)
        {
            _model.Phases.RemoveAt(index);
            _errors.Clear();
        }
    }

    private async Task SubmitAsync()
    {
        if (_workshops is null || _busy || Access == SessionCreationAccess.Disabled)
        {
            return;
        }

        _generalErrors = [];
        _errors = _model.Validate(ModelText);
        if (Access == SessionCreationAccess.KeyRequired && string.IsNullOrEmpty(_organiserKey))
        {
            _errors[OrganiserKeyField] = [L["OrganiserKeyRequired"]];
        }

        if (_errors.Count > 0)
        {
            return;
        }

        _busy = true;
        try
        {
            // Before anything is created: the key (constant-time) and this client's creation limit.
            _gate?.Admit(_organiserKey);
            var created = await _workshops.CreateSessionAsync(_model.ToRequest());
            Navigation.NavigateTo(SessionRoutes.Share(created.ModeratorToken));
        }
        catch (SessionValidationException ex)
        {
            ShowServerErrors(ex.Errors);
        }
        catch (PadException ex) when (ex.Code == PadErrorCodes.Forbidden && Access == SessionCreationAccess.KeyRequired)
        {
            _errors = new(StringComparer.Ordinal) { [OrganiserKeyField] = [L["Forbidden"]] };
        }
        catch (PadException ex) when (ex.Code == PadErrorCodes.RateLimited)
        {
            // Says when to retry (the refusal's RetryAfter), in the page's language.
            _generalErrors = [PadRefusals.Describe(ex, Refusals)];
        }
        catch (PadException ex)
        {
            _generalErrors = [ex.Code == PadErrorCodes.TooLarge ? L["TooLarge"] : L["NotCreated", PadRefusals.Describe(ex, Refusals)]];
        }
        finally
        {
            _busy = false;
        }
    }

    // The server names fields like the form does; a path the form has no field for (groups[0].animators[3]) goes to the
    // nearest field that has one, or to the list under the form.
    private void ShowServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        var fields = KnownFields();
        var mapped = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var general = new List<string>();
        foreach (var (path, messages) in errors)
        {
            var field = NearestField(path, fields);
            if (field is null)
            {
                general.AddRange(messages);
            }
            else
            {
                mapped[field] = mapped.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
            }
        }

        _errors = mapped;
        _generalErrors = general.Count == 0 && mapped.Count == 0 ? [L["NotValid"]] : general;
    }

    private HashSet<string> KnownFields()
    {
        var fields = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "title", "description", "groups", "phases", "licence" };
        for (var i = 0; i < _model.Groups.Count; i++)
        {
            fields.UnionWith([$"groups[{i}].name", $"groups[{i}].topic", $"groups[{i}].animators"]);
        }

        for (var i = 0; i < _model.Phases.Count; i++)
        {
            fields.UnionWith([$"phases[{i}].name", $"phases[{i}].duration"]);
        }

        return fields;
    }

    private static string? NearestField(string path, HashSet<string> fields)
    {
        for (var candidate = path; candidate.Length > 0;)
        {
            if (fields.TryGetValue(candidate, out var field))
            {
                return field;
            }

            var cut = Math.Max(candidate.LastIndexOf('.'), candidate.LastIndexOf('['));
            if (cut <= 0)
            {
                return null;
            }

            candidate = candidate[..cut];
        }

        return null;
    }
}
