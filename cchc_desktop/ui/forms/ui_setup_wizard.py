# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_wizard.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QFrame, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QVBoxLayout, QWidget)

class Ui_SetupWizard(object):
    def setupUi(self, SetupWizard):
        if not SetupWizard.objectName():
            SetupWizard.setObjectName(u"SetupWizard")
        SetupWizard.resize(640, 430)
        self.main_layout = QVBoxLayout(SetupWizard)
        self.main_layout.setObjectName(u"main_layout")
        self.pages = QStackedWidget(SetupWizard)
        self.pages.setObjectName(u"pages")
        self.choice_page = QWidget()
        self.choice_page.setObjectName(u"choice_page")
        self.choice_layout = QVBoxLayout(self.choice_page)
        self.choice_layout.setObjectName(u"choice_layout")
        self.welcome_label = QLabel(self.choice_page)
        self.welcome_label.setObjectName(u"welcome_label")
        self.welcome_label.setWordWrap(True)

        self.choice_layout.addWidget(self.welcome_label)

        self.sample_button = QPushButton(self.choice_page)
        self.sample_button.setObjectName(u"sample_button")
        self.sample_button.setMinimumSize(QSize(0, 44))

        self.choice_layout.addWidget(self.sample_button)

        self.sample_label = QLabel(self.choice_page)
        self.sample_label.setObjectName(u"sample_label")
        self.sample_label.setWordWrap(True)

        self.choice_layout.addWidget(self.sample_label)

        self.own_button = QPushButton(self.choice_page)
        self.own_button.setObjectName(u"own_button")
        self.own_button.setMinimumSize(QSize(0, 44))

        self.choice_layout.addWidget(self.own_button)

        self.own_label = QLabel(self.choice_page)
        self.own_label.setObjectName(u"own_label")
        self.own_label.setWordWrap(True)

        self.choice_layout.addWidget(self.own_label)

        self.choice_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.choice_layout.addItem(self.choice_spacer)

        self.pages.addWidget(self.choice_page)
        self.own_page = QWidget()
        self.own_page.setObjectName(u"own_page")
        self.own_layout = QVBoxLayout(self.own_page)
        self.own_layout.setObjectName(u"own_layout")
        self.own_title = QLabel(self.own_page)
        self.own_title.setObjectName(u"own_title")

        self.own_layout.addWidget(self.own_title)

        self.own_form = QFormLayout()
        self.own_form.setObjectName(u"own_form")
        self.own_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.level_caption = QLabel(self.own_page)
        self.level_caption.setObjectName(u"level_caption")

        self.own_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.level_caption)

        self.level_combo = QComboBox(self.own_page)
        self.level_combo.setObjectName(u"level_combo")

        self.own_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.level_combo)

        self.province_caption = QLabel(self.own_page)
        self.province_caption.setObjectName(u"province_caption")

        self.own_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.province_caption)

        self.province_combo = QComboBox(self.own_page)
        self.province_combo.setObjectName(u"province_combo")
        self.province_combo.setEditable(True)

        self.own_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.province_combo)

        self.unit_caption = QLabel(self.own_page)
        self.unit_caption.setObjectName(u"unit_caption")

        self.own_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unit_caption)

        self.unit_combo = QComboBox(self.own_page)
        self.unit_combo.setObjectName(u"unit_combo")
        self.unit_combo.setEditable(True)

        self.own_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unit_combo)

        self.signer_caption = QLabel(self.own_page)
        self.signer_caption.setObjectName(u"signer_caption")

        self.own_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.signer_caption)

        self.signer_edit = QLineEdit(self.own_page)
        self.signer_edit.setObjectName(u"signer_edit")

        self.own_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.signer_edit)

        self.position_caption = QLabel(self.own_page)
        self.position_caption.setObjectName(u"position_caption")

        self.own_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.position_caption)

        self.position_edit = QLineEdit(self.own_page)
        self.position_edit.setObjectName(u"position_edit")

        self.own_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.position_edit)

        self.prefix_caption = QLabel(self.own_page)
        self.prefix_caption.setObjectName(u"prefix_caption")

        self.own_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.prefix_caption)

        self.prefix_combo = QComboBox(self.own_page)
        self.prefix_combo.setObjectName(u"prefix_combo")

        self.own_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.prefix_combo)


        self.own_layout.addLayout(self.own_form)

        self.preview_label = QLabel(self.own_page)
        self.preview_label.setObjectName(u"preview_label")
        self.preview_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview_label.setWordWrap(True)

        self.own_layout.addWidget(self.preview_label)

        self.error_label = QLabel(self.own_page)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c62828;")
        self.error_label.setWordWrap(True)

        self.own_layout.addWidget(self.error_label)

        self.own_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.own_layout.addItem(self.own_spacer)

        self.own_buttons = QHBoxLayout()
        self.own_buttons.setObjectName(u"own_buttons")
        self.back_button = QPushButton(self.own_page)
        self.back_button.setObjectName(u"back_button")

        self.own_buttons.addWidget(self.back_button)

        self.own_buttons_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.own_buttons.addItem(self.own_buttons_spacer)

        self.finish_button = QPushButton(self.own_page)
        self.finish_button.setObjectName(u"finish_button")

        self.own_buttons.addWidget(self.finish_button)


        self.own_layout.addLayout(self.own_buttons)

        self.pages.addWidget(self.own_page)

        self.main_layout.addWidget(self.pages)

#if QT_CONFIG(shortcut)
        self.level_caption.setBuddy(self.level_combo)
        self.province_caption.setBuddy(self.province_combo)
        self.unit_caption.setBuddy(self.unit_combo)
        self.signer_caption.setBuddy(self.signer_edit)
        self.position_caption.setBuddy(self.position_edit)
        self.prefix_caption.setBuddy(self.prefix_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sample_button, self.own_button)
        QWidget.setTabOrder(self.own_button, self.level_combo)
        QWidget.setTabOrder(self.level_combo, self.province_combo)
        QWidget.setTabOrder(self.province_combo, self.unit_combo)
        QWidget.setTabOrder(self.unit_combo, self.signer_edit)
        QWidget.setTabOrder(self.signer_edit, self.position_edit)
        QWidget.setTabOrder(self.position_edit, self.prefix_combo)
        QWidget.setTabOrder(self.prefix_combo, self.back_button)
        QWidget.setTabOrder(self.back_button, self.finish_button)

        self.retranslateUi(SetupWizard)

        self.finish_button.setDefault(True)

    # setupUi

    def retranslateUi(self, SetupWizard):
        SetupWizard.setWindowTitle(QCoreApplication.translate("SetupWizard", u"Thi\u1ebft l\u1eadp ban \u0111\u1ea7u", None))
        self.welcome_label.setText(QCoreApplication.translate("SetupWizard", u"<h3>Ch\u00e0o m\u1eebng \u0111\u1ebfn v\u1edbi CCHC Desktop</h3><p>Ch\u01b0\u01a1ng tr\u00ecnh in b\u00e1o c\u00e1o, k\u1ebf ho\u1ea1ch mang t\u00ean c\u01a1 quan, \u0111\u1ecba danh v\u00e0 ng\u01b0\u1eddi k\u00fd c\u1ee7a c\u01a1 quan d\u00f9ng n\u00f3. H\u00e3y ch\u1ecdn c\u00e1ch b\u1eaft \u0111\u1ea7u:</p>", None))
        self.sample_button.setText(QCoreApplication.translate("SetupWizard", u"D\u00f9ng k\u1ebf ho\u1ea1ch &m\u1eabu (Ng\u1ecdc L\u1eb7c 2020)", None))
        self.sample_label.setText(QCoreApplication.translate("SetupWizard", u"Xem th\u1eed ch\u01b0\u01a1ng tr\u00ecnh v\u1edbi k\u1ebf ho\u1ea1ch CCHC n\u0103m 2020 c\u1ee7a huy\u1ec7n Ng\u1ecdc L\u1eb7c: b\u00e1o c\u00e1o in t\u00ean c\u01a1 quan v\u00e0 ng\u01b0\u1eddi k\u00fd c\u1ee7a k\u1ebf ho\u1ea1ch m\u1eabu. C\u00f3 th\u1ec3 thi\u1ebft l\u1eadp c\u01a1 quan c\u1ee7a m\u00ecnh sau \u1edf Danh m\u1ee5c \u2192 Th\u00f4ng tin c\u01a1 quan.", None))
        self.own_button.setText(QCoreApplication.translate("SetupWizard", u"Thi\u1ebft l\u1eadp &c\u01a1 quan c\u1ee7a t\u00f4i", None))
        self.own_label.setText(QCoreApplication.translate("SetupWizard", u"Ch\u1ecdn c\u1ea5p, t\u1ec9nh v\u00e0 \u0111\u01a1n v\u1ecb theo danh m\u1ee5c \u0111\u01a1n v\u1ecb h\u00e0nh ch\u00ednh n\u0103m 2025, nh\u1eadp ng\u01b0\u1eddi k\u00fd; k\u1ebf ho\u1ea1ch m\u1eabu \u0111\u01b0\u1ee3c b\u1ecf \u0111i \u0111\u1ec3 nh\u1eadp k\u1ebf ho\u1ea1ch c\u1ee7a c\u01a1 quan (T\u1ec7p \u2192 Nh\u1eadp k\u1ebf ho\u1ea1ch).", None))
        self.own_title.setText(QCoreApplication.translate("SetupWizard", u"<h3>C\u01a1 quan c\u1ee7a t\u00f4i</h3>", None))
        self.level_caption.setText(QCoreApplication.translate("SetupWizard", u"C\u1ea5&p:", None))
        self.province_caption.setText(QCoreApplication.translate("SetupWizard", u"T\u1ec9nh, th\u00e0nh &ph\u1ed1:", None))
        self.unit_caption.setText(QCoreApplication.translate("SetupWizard", u"\u0110\u01a1n &v\u1ecb:", None))
        self.signer_caption.setText(QCoreApplication.translate("SetupWizard", u"&H\u1ecd t\u00ean ng\u01b0\u1eddi k\u00fd:", None))
        self.signer_edit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"Nguy\u1ec5n V\u0103n A", None))
        self.position_caption.setText(QCoreApplication.translate("SetupWizard", u"C&h\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.position_edit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"CH\u1ee6 T\u1ecaCH", None))
        self.prefix_caption.setText(QCoreApplication.translate("SetupWizard", u"&Th\u1ea9m quy\u1ec1n k\u00fd:", None))
        self.preview_label.setText("")
        self.error_label.setText("")
        self.back_button.setText(QCoreApplication.translate("SetupWizard", u"&Quay l\u1ea1i", None))
        self.finish_button.setText(QCoreApplication.translate("SetupWizard", u"&Ho\u00e0n t\u1ea5t", None))
    # retranslateUi

