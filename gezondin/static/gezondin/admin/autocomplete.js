/*
 * Choosing municipalities with a searchable autocomplete (gezondin/widgets.py).
 *
 * A Stimulus controller on the <select> (single or multiple), registered with Wagtail's own
 * Stimulus application so that it also starts on forms added later (an inline panel's new
 * meeting). It hides the select and shows, before it:
 *   - the chosen municipalities, each with a button "<name> verwijderen";
 *   - a combobox (ARIA 1.2: an input with a listbox popup) searching the select's options by
 *     name, common name, CBS code and province, accents and case ignored;
 *   - a polite live region saying how many were found and what was chosen or removed.
 * Keyboard: type to search, Down/Up to move through the results, Enter to choose, Escape to
 * close the list (and to clear the text when it is already closed), Tab to leave.
 * The select stays the form's field: choosing selects its option and fires "change", so
 * Wagtail's unsaved-changes warning and the form post work as before.
 */
(() => {
  const MAX_RESULTS = 50;
  const normalise = (text) =>
    (text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/['’‘`]/g, "")
      .toLowerCase()
      .trim();
  const format = (text, values) =>
    text.replace(/%\((\w+)\)s/g, (match, key) => (key in values ? values[key] : match));

  let counter = 0;

  const register = () => {
    const Controller = window.StimulusModule.Controller;

    class AutocompleteController extends Controller {
      static values = {
        placeholder: String,
        chosen: String,
        nothingChosen: String,
        remove: String,
        added: String,
        removed: String,
        results: String,
        oneResult: String,
        noResults: String,
      };

      connect() {
        const select = this.element;
        // Connected again after the form moved it (e.g. reordering an inline panel): rebuild.
        if (this.root) this.root.remove();
        counter += 1;
        const base = select.id || `gz-autocomplete-${counter}`;
        this.multiple = select.multiple;
        this.options = Array.from(select.options)
          .filter((option) => option.value !== "")
          .map((option) => ({
            option,
            label: option.textContent.trim(),
            name: normalise(option.textContent),
            search: normalise(`${option.textContent} ${option.dataset.search || ""}`),
          }));
        this.results = [];
        this.active = -1;

        const root = document.createElement("div");
        root.className = "gz-autocomplete";

        this.chosenList = document.createElement("ul");
        this.chosenList.className = "gz-autocomplete__chosen";
        this.chosenList.id = `${base}-chosen`;
        const label = document.querySelector(`label[for="${select.id}"]`);
        this.chosenList.setAttribute(
          "aria-label",
          label ? `${this.chosenValue}: ${label.textContent.trim()}` : this.chosenValue,
        );
        this.nothing = document.createElement("p");
        this.nothing.className = "gz-autocomplete__nothing";
        this.nothing.textContent = this.nothingChosenValue;

        this.input = document.createElement("input");
        this.input.type = "text";
        this.input.id = `${base}-search`;
        this.input.className = "gz-autocomplete__input";
        this.input.autocomplete = "off";
        this.input.placeholder = this.placeholderValue;
        this.input.setAttribute("role", "combobox");
        this.input.setAttribute("aria-autocomplete", "list");
        this.input.setAttribute("aria-expanded", "false");
        this.input.setAttribute("aria-controls", `${base}-listbox`);
        const describedBy = select.getAttribute("aria-describedby");
        if (describedBy) this.input.setAttribute("aria-describedby", describedBy);
        if (select.getAttribute("aria-invalid")) {
          this.input.setAttribute("aria-invalid", select.getAttribute("aria-invalid"));
        }
        if (label) {
          // The field's label now names the search field; the select is hidden.
          label.htmlFor = this.input.id;
        }

        this.listbox = document.createElement("ul");
        this.listbox.id = `${base}-listbox`;
        this.listbox.className = "gz-autocomplete__listbox";
        this.listbox.setAttribute("role", "listbox");
        if (label) this.listbox.setAttribute("aria-label", label.textContent.trim());
        this.listbox.hidden = true;

        this.status = document.createElement("div");
        this.status.className = "w-sr-only";
        this.status.setAttribute("role", "status");
        this.status.setAttribute("aria-live", "polite");

        const field = document.createElement("div");
        field.className = "gz-autocomplete__field";
        field.append(this.input, this.listbox);
        root.append(this.chosenList, this.nothing, field, this.status);
        select.before(root);
        select.hidden = true;
        this.root = root;

        this.input.addEventListener("input", () => this.search());
        this.input.addEventListener("keydown", (event) => this.keydown(event));
        this.input.addEventListener("blur", () => {
          // After a click in the list (mousedown keeps the focus, see below).
          window.setTimeout(() => this.close(), 150);
        });
        this.listbox.addEventListener("mousedown", (event) => event.preventDefault());
        this.listbox.addEventListener("click", (event) => {
          const item = event.target.closest("[role=option]");
          if (item) this.choose(this.results[Number(item.dataset.index)]);
        });
        this.renderChosen();
      }

      disconnect() {
        // Keep the enhanced field while the element is only moved; connect() rebuilds it.
      }

      chosenEntries() {
        return this.options.filter((entry) => entry.option.selected);
      }

      renderChosen() {
        const chosen = this.chosenEntries();
        this.chosenList.replaceChildren(
          ...chosen.map((entry) => {
            const item = document.createElement("li");
            const name = document.createElement("span");
            name.textContent = entry.label;
            const button = document.createElement("button");
            button.type = "button";
            button.className = "button button-small button-secondary gz-autocomplete__remove";
            button.setAttribute("aria-label", format(this.removeValue, { name: entry.label }));
            button.textContent = "×";
            button.addEventListener("click", () => this.unchoose(entry));
            item.append(name, button);
            return item;
          }),
        );
        this.chosenList.hidden = chosen.length === 0;
        this.nothing.hidden = chosen.length !== 0;
      }

      search() {
        const query = normalise(this.input.value);
        if (!query) {
          this.close();
          return;
        }
        const words = query.split(/\s+/);
        const matches = this.options.filter(
          (entry) =>
            !(this.multiple && entry.option.selected) &&
            words.every((word) => entry.search.includes(word)),
        );
        // Names starting with what was typed first, then the rest, each alphabetically.
        matches.sort(
          (a, b) =>
            Number(!a.name.startsWith(query)) - Number(!b.name.startsWith(query)) ||
            a.label.localeCompare(b.label, "nl"),
        );
        this.results = matches.slice(0, MAX_RESULTS);
        this.active = -1;
        this.renderResults();
        if (!matches.length) this.announce(this.noResultsValue);
        else if (matches.length === 1) this.announce(this.oneResultValue);
        else this.announce(format(this.resultsValue, { count: matches.length }));
      }

      renderResults() {
        const base = this.listbox.id;
        this.listbox.replaceChildren(
          ...this.results.map((entry, index) => {
            const item = document.createElement("li");
            item.id = `${base}-${index}`;
            item.dataset.index = String(index);
            item.setAttribute("role", "option");
            item.setAttribute("aria-selected", String(index === this.active));
            item.className = "gz-autocomplete__option";
            item.textContent = entry.label;
            return item;
          }),
        );
        const open = this.results.length > 0;
        this.listbox.hidden = !open;
        this.input.setAttribute("aria-expanded", String(open));
        if (this.active >= 0) {
          this.input.setAttribute("aria-activedescendant", `${base}-${this.active}`);
          this.listbox.children[this.active].scrollIntoView({ block: "nearest" });
        } else {
          this.input.removeAttribute("aria-activedescendant");
        }
      }

      move(step) {
        if (this.listbox.hidden) {
          this.search();
          if (!this.results.length) return;
        }
        const count = this.results.length;
        this.active = this.active < 0 && step < 0 ? count - 1 : (this.active + step + count) % count;
        this.renderResults();
      }

      keydown(event) {
        if (event.key === "ArrowDown") {
          event.preventDefault();
          this.move(1);
        } else if (event.key === "ArrowUp") {
          event.preventDefault();
          this.move(-1);
        } else if (event.key === "Enter") {
          // Never submit the page's form from the search field.
          event.preventDefault();
          const entry = this.results[this.active >= 0 ? this.active : 0];
          if (!this.listbox.hidden && entry) this.choose(entry);
        } else if (event.key === "Escape") {
          if (!this.listbox.hidden) {
            event.preventDefault();
            this.close();
          } else if (this.input.value) {
            event.preventDefault();
            this.input.value = "";
          }
        }
      }

      choose(entry) {
        if (!entry) return;
        if (this.multiple) {
          entry.option.selected = true;
        } else {
          this.element.value = entry.option.value;
        }
        this.changed();
        this.input.value = "";
        this.close();
        this.announce(format(this.addedValue, { name: entry.label }));
        this.input.focus();
      }

      unchoose(entry) {
        if (this.multiple) {
          entry.option.selected = false;
        } else {
          this.element.value = "";
        }
        this.changed();
        this.announce(format(this.removedValue, { name: entry.label }));
        this.input.focus();
      }

      changed() {
        this.element.dispatchEvent(new Event("change", { bubbles: true }));
        this.renderChosen();
      }

      close() {
        this.results = [];
        this.active = -1;
        this.renderResults();
      }

      announce(text) {
        this.status.textContent = text;
      }
    }

    window.wagtail.app.register("gz-autocomplete", AutocompleteController);
  };

  if (window.StimulusModule && window.wagtail && window.wagtail.app) {
    register();
  } else {
    document.addEventListener("DOMContentLoaded", register, { once: true });
  }
})();
