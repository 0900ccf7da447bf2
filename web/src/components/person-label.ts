type Person = { name: string; email: string };

/** Whether a person has a name of their own: someone added without one is named by their e-mail. */
export const hasOwnName = (person: Person): boolean =>
  person.name.toLowerCase() !== person.email.toLowerCase();

/** A person in a list of people to choose from: their name and e-mail, or the e-mail alone when it is their name. */
export const personLabel = (person: Person): string =>
  hasOwnName(person) ? `${person.name} (${person.email})` : person.email;
