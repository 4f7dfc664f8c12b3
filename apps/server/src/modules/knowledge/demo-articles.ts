// The demo knowledge base (itsm seed), in French and English; the search tests query it.
export const DEMO_ARTICLES = [
  {
    key: 'printer',
    language: 'fr',
    title: 'Imprimante hors ligne',
    body: 'Quand l’imprimante affiche « hors ligne », redémarrez le spouleur d’impression puis vérifiez le câble réseau.',
  },
  {
    key: 'password',
    language: 'fr',
    title: 'Réinitialiser son mot de passe',
    body: 'Mot de passe oublié ? Utilisez le lien « Mot de passe oublié » de la page de connexion.',
  },
  {
    key: 'wifi',
    language: 'fr',
    title: 'Réseau Wi-Fi des invités',
    body: 'Les visiteurs se connectent au réseau « Invités » avec le code affiché à l’accueil.',
  },
  {
    key: 'vpn',
    language: 'fr',
    title: 'Le VPN se déconnecte',
    body: 'Si le VPN se déconnecte toutes les heures, mettez à jour FortiClient.',
  },
  {
    key: 'outlook',
    language: 'fr',
    title: 'Outlook demande le mot de passe en boucle',
    body: 'Supprimez les identifiants enregistrés dans le gestionnaire Windows.',
  },
  {
    key: 'printerEn',
    language: 'en',
    title: 'Printer shows offline',
    body: 'When a printer shows offline, restart the print spooler and check its network cable.',
  },
  {
    key: 'monitors',
    language: 'en',
    title: 'Connecting a second monitor',
    body: 'Use the docking station; monitors connected directly to the laptop may flicker.',
  },
  {
    key: 'toner',
    language: 'fr',
    title: 'Commander du toner',
    body: 'Les cartouches se commandent dans le catalogue ; précisez le modèle de l’imprimante.',
  },
  {
    key: 'internal',
    language: 'fr',
    title: 'Procédure interne des imprimantes',
    body: 'Mot de passe administrateur des imprimantes : voir le coffre.',
    visibility: 'staff',
  },
] as const;
